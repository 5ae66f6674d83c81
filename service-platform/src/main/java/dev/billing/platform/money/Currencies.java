package dev.billing.platform.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The ISO 4217 table (resource {@code iso4217.tsv}): code to minor-unit exponent. */
public final class Currencies {

  private static final Map<String, CurrencyUnit> BY_CODE = load();

  private Currencies() {}

  /** The currency for an ISO code, if it is one; case-sensitive like Lago (upper case only). */
  public static Optional<CurrencyUnit> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
  }

  /** The currency for an ISO code; throws {@link UnknownCurrencyException} otherwise. */
  public static CurrencyUnit of(String code) {
    return find(code).orElseThrow(() -> new UnknownCurrencyException(code));
  }

  public static boolean isKnown(String code) {
    return find(code).isPresent();
  }

  public static Collection<CurrencyUnit> all() {
    return Collections.unmodifiableCollection(BY_CODE.values());
  }

  private static Map<String, CurrencyUnit> load() {
    Map<String, CurrencyUnit> table = new TreeMap<>();
    try (InputStream in = Currencies.class.getResourceAsStream("iso4217.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        table.put(
            cols[0],
            new CurrencyUnit(
                cols[0], cols[1], Integer.parseInt(cols[2]), "legacy".equals(cols[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ISO 4217 table", e);
    }
    return Collections.unmodifiableMap(table);
  }
}
