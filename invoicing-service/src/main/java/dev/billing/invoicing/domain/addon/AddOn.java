package dev.billing.invoicing.domain.addon;

import dev.billing.platform.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Lago's add-on: a catalog item sold on one-off invoices, at its amount unless the invoice says
 * otherwise.
 *
 * @param id lago_id
 * @param organizationId the tenant
 * @param code unique among the organization's live add-ons
 * @param name its name
 * @param invoiceDisplayName the label on invoices, or null (the name)
 * @param description default fee description, or null
 * @param amount default unit amount and its currency
 * @param createdAt created
 * @param updatedAt last changed
 */
public record AddOn(
    UUID id,
    UUID organizationId,
    String code,
    String name,
    String invoiceDisplayName,
    String description,
    Money amount,
    Instant createdAt,
    Instant updatedAt) {

  public AddOn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(amount, "amount");
  }
}
