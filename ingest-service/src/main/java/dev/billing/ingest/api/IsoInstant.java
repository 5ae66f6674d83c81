package dev.billing.ingest.api;

import java.time.LocalDate;

/**
 * Writes UTC instants as ISO-8601 text straight into bytes, without the formatter machinery of
 * java.time (it is on the hot path: two per event in every answer).
 */
final class IsoInstant {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private IsoInstant() {}

  /** {@code 2025-11-25T12:00:00.123Z} (always milliseconds), quoted. */
  static void writeMillis(ResponseBytes out, long epochMillis) {
    write(out, epochMillis, true);
  }

  /** {@code 2025-11-25T12:00:00Z}, quoted. */
  static void writeSeconds(ResponseBytes out, long epochMillis) {
    write(out, epochMillis, false);
  }

  private static void write(ResponseBytes out, long epochMillis, boolean withMillis) {
    long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    int year = date.getYear();
    out.append('"');
    if (year < 0 || year > 9999) {
      out.appendAscii(java.time.Instant.ofEpochMilli(epochMillis).toString());
      out.append('"');
      return;
    }
    digits(out, year, 4);
    out.append('-');
    digits(out, date.getMonthValue(), 2);
    out.append('-');
    digits(out, date.getDayOfMonth(), 2);
    out.append('T');
    digits(out, millisOfDay / 3_600_000, 2);
    out.append(':');
    digits(out, millisOfDay / 60_000 % 60, 2);
    out.append(':');
    digits(out, millisOfDay / 1000 % 60, 2);
    if (withMillis) {
      out.append('.');
      digits(out, millisOfDay % 1000, 3);
    }
    out.append('Z');
    out.append('"');
  }

  private static void digits(ResponseBytes out, int value, int width) {
    int divisor = 1;
    for (int i = 1; i < width; i++) {
      divisor *= 10;
    }
    for (; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + value / divisor % 10));
    }
  }
}
