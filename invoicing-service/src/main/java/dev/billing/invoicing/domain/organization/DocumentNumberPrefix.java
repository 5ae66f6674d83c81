package dev.billing.invoicing.domain.organization;

import java.util.Locale;
import java.util.UUID;

/** Lago's invoice-number prefix: 1-10 characters, upper-cased. */
public final class DocumentNumberPrefix {

  public static final int MAX_LENGTH = 10;

  private DocumentNumberPrefix() {}

  /** First three letters of the name and last four characters of the id, e.g. {@code ACM-1a2b}. */
  public static String defaultFor(String name, UUID id) {
    String letters = name.replaceAll("[^A-Za-z]", "");
    String head = (letters + "ORG").substring(0, 3).toUpperCase(Locale.ROOT);
    String idText = id.toString();
    return head + "-" + idText.substring(idText.length() - 4).toUpperCase(Locale.ROOT);
  }

  public static String normalize(String prefix) {
    return prefix.trim().toUpperCase(Locale.ROOT);
  }
}
