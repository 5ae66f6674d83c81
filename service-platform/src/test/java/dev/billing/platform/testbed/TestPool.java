package dev.billing.platform.testbed;

import dev.billing.platform.config.PlatformConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.util.Map;

/**
 * A Vert.x reactive PostgreSQL pool on the config's database whose connections use the config's
 * schema, as the services' pools do.
 */
public final class TestPool implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final Pool pool;

  public TestPool(PlatformConfig config) {
    PlatformConfig.Db db = config.db();
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(db.host())
            .setPort(db.port())
            .setDatabase(db.name())
            .setUser(db.user())
            .setPassword(db.password())
            .setProperties(Map.of("search_path", db.schema()));
    pool =
        Pool.newInstance(
            PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(4))
                .connectingTo(connect)
                .using(vertx)
                .build());
  }

  public Pool pool() {
    return pool;
  }

  @Override
  public void close() {
    pool.closeAndAwait();
    vertx.close();
  }
}
