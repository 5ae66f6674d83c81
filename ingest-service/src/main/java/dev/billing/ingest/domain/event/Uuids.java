package dev.billing.ingest.domain.event;

import java.util.UUID;

/** Writes a UUID's canonical text straight into bytes, without making a String. */
public final class Uuids {

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Uuids() {}

  /** Writes the 36 characters at {@code at}; returns the offset after them. */
  public static int writeAscii(UUID uuid, byte[] out, int at) {
    at = hex(uuid.getMostSignificantBits() >>> 32, 8, out, at);
    out[at++] = '-';
    at = hex(uuid.getMostSignificantBits() >>> 16, 4, out, at);
    out[at++] = '-';
    at = hex(uuid.getMostSignificantBits(), 4, out, at);
    out[at++] = '-';
    at = hex(uuid.getLeastSignificantBits() >>> 48, 4, out, at);
    out[at++] = '-';
    return hex(uuid.getLeastSignificantBits(), 12, out, at);
  }

  private static int hex(long value, int digits, byte[] out, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
    return at + digits;
  }
}
