package dev.billing.platform.consumer;

import dev.billing.platform.config.PlatformConfig;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The database pool for background work (Kafka consumers, re-rating, publishers), with its own
 * Vert.x event loops. A consumer batch (thousands of rows to route and encode) would otherwise hold
 * an event loop that also serves HTTP requests, and every request queued behind it would wait for
 * the whole batch. Those loops, like the consumer threads, run at the lowest thread priority
 * ({@link BackgroundThreads}).
 */
@ApplicationScoped
public class BackgroundPool {

  private final Vertx vertx;
  private final Pool pool;

  public BackgroundPool(PlatformConfig config) {
    PlatformConfig.Db db = config.db();
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(config.consumers().eventLoops())
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    for (EventExecutor loop : ((VertxInternal) vertx).getEventLoopGroup()) {
      loop.execute(BackgroundThreads::lowerCurrent);
    }
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(db.host())
            .setPort(db.port())
            .setDatabase(db.name())
            .setUser(db.user())
            .setPassword(db.password())
            .setCachePreparedStatements(true)
            .setProperties(Map.of("search_path", db.schema()));
    pool =
        Pool.newInstance(
            PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.consumers().poolSize()))
                .connectingTo(connect)
                .using(vertx)
                .build());
  }

  public Pool pool() {
    return pool;
  }

  @PreDestroy
  void close() {
    pool.closeAndAwait();
    vertx.close();
  }
}
