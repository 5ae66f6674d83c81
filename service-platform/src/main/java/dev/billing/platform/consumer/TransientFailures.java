package dev.billing.platform.consumer;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure worth retrying (the database or broker is away, a serialization conflict) from
 * one that will fail again the same way (bad data, a bug), which goes to the dead-letter topic.
 */
final class TransientFailures {

  /**
   * SQLSTATE classes: connection, transaction rollback, resources, operator intervention, system.
   */
  private static final Set<String> TRANSIENT_SQLSTATE_CLASSES =
      Set.of("08", "40", "53", "57", "58");

  private TransientFailures() {}

  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg) {
        String state = pg.getSqlState();
        return state != null && TRANSIENT_SQLSTATE_CLASSES.contains(state.substring(0, 2));
      }
      if (t instanceof ClosedConnectionException
          || t instanceof IOException
          || t instanceof TimeoutException
          || t instanceof io.netty.channel.ConnectTimeoutException
          || isVertxConnectionFailure(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean isVertxConnectionFailure(Throwable t) {
    String message = t.getMessage();
    return t instanceof io.vertx.core.VertxException
        && message != null
        && (message.contains("onnection") || message.contains("imeout"));
  }
}
