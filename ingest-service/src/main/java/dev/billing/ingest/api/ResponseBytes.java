package dev.billing.ingest.api;

import java.util.Arrays;

/** A growable byte buffer for answers written by hand. */
final class ResponseBytes {

  private byte[] bytes;
  private int length;

  ResponseBytes(int capacity) {
    bytes = new byte[capacity];
  }

  ResponseBytes append(char ascii) {
    ensure(1);
    bytes[length++] = (byte) ascii;
    return this;
  }

  ResponseBytes appendAscii(String ascii) {
    ensure(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      bytes[length++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  ResponseBytes append(byte[] source, int from, int to) {
    ensure(to - from);
    System.arraycopy(source, from, bytes, length, to - from);
    length += to - from;
    return this;
  }

  ResponseBytes appendUuid(java.util.UUID uuid) {
    ensure(36);
    length = dev.billing.ingest.domain.event.Uuids.writeAscii(uuid, bytes, length);
    return this;
  }

  byte[] toByteArray() {
    return bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
