package dev.billing.invoicing.api.addon;

import dev.billing.invoicing.domain.addon.AddOn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Lago's {@code AddOnObject} (no taxes yet: an empty list). */
public record AddOnJson(
    String lagoId,
    String name,
    String invoiceDisplayName,
    String code,
    long amountCents,
    String amountCurrency,
    String description,
    Instant createdAt,
    List<Object> taxes) {

  public static AddOnJson of(AddOn a) {
    return new AddOnJson(
        a.id().toString(),
        a.name(),
        a.invoiceDisplayName(),
        a.code(),
        a.amount().minorUnits(),
        a.amount().currency().code(),
        a.description(),
        a.createdAt().truncatedTo(ChronoUnit.SECONDS),
        List.of());
  }

  /**
   * Lago's {@code {"add_on": {...}}}.
   *
   * @param addOn the add-on
   */
  public record Response(AddOnJson addOn) {}
}
