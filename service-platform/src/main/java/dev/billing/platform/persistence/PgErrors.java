package dev.billing.platform.persistence;

import io.vertx.pgclient.PgException;

/** PostgreSQL errors that callers turn into answers (e.g. a taken code into Lago's 422). */
public final class PgErrors {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String DEADLOCK_DETECTED = "40P01";

  private PgErrors() {}

  public static boolean isUniqueViolation(Throwable e) {
    return hasState(e, UNIQUE_VIOLATION);
  }

  public static boolean isDeadlock(Throwable e) {
    return hasState(e, DEADLOCK_DETECTED);
  }

  private static boolean hasState(Throwable e, String state) {
    return e instanceof PgException pg && state.equals(pg.getSqlState());
  }
}
