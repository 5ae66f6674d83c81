package dev.billing.ingest.domain.event;

import java.nio.CharBuffer;

/**
 * Whether text can be kept as sent: PostgreSQL stores no NUL character, and JSON's {@code \\u}
 * escapes can spell an unpaired UTF-16 surrogate, which is no character at all. An event carrying
 * either would be accepted here and then fail in the ledger, so it is refused at the door.
 */
public final class StorableText {

  private StorableText() {}

  public static boolean isStorable(char[] chars, int offset, int length) {
    return isStorable(CharBuffer.wrap(chars, offset, length));
  }

  public static boolean isStorable(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\0' || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
