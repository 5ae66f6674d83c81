package dev.billing.rating.domain.usage;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the canonical group JSON written by {@link EventRouter} back into a map. */
final class GroupKeys {

  private GroupKeys() {}

  static Map<String, String> parse(String groupKey) {
    Map<String, String> values = new LinkedHashMap<>();
    if (groupKey == null || groupKey.isEmpty()) {
      return values;
    }
    int i = 1;
    while (i < groupKey.length() - 1) {
      StringBuilder name = new StringBuilder();
      i = readString(groupKey, i, name) + 1; // past the colon
      String value;
      if (groupKey.startsWith("null", i)) {
        value = null;
        i += 4;
      } else {
        StringBuilder text = new StringBuilder();
        i = readString(groupKey, i, text);
        value = text.toString();
      }
      values.put(name.toString(), value);
      if (i < groupKey.length() && groupKey.charAt(i) == ',') {
        i++;
      }
    }
    return values;
  }

  /** Reads a quoted string at {@code at}; returns the index after its closing quote. */
  private static int readString(String json, int at, StringBuilder out) {
    int i = at + 1;
    while (json.charAt(i) != '"') {
      char c = json.charAt(i);
      if (c == '\\') {
        char next = json.charAt(i + 1);
        if (next == 'u') {
          out.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out.append(next);
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    return i + 1;
  }
}
