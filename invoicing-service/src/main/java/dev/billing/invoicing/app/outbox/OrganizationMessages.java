package dev.billing.invoicing.app.outbox;

import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.outbox.OutboxMessage;
import java.util.List;

/** Builds the {@code billing.organizations} message for an organization's current state. */
public final class OrganizationMessages {

  private OrganizationMessages() {}

  public static OutboxMessage updated(Organization o, List<String> activeKeyHashes) {
    OrganizationMessage message =
        new OrganizationMessage(
            o.id(),
            o.revision(),
            o.name(),
            o.timezone(),
            o.defaultCurrency(),
            o.documentNumberPrefix(),
            o.netPaymentTerm(),
            o.invoiceGracePeriod(),
            o.webhookUrl(),
            List.copyOf(activeKeyHashes),
            o.updatedAt());
    return OutboxMessage.of(
        o.id(),
        OrganizationMessage.AGGREGATE_TYPE,
        o.id().toString(),
        OrganizationMessage.TYPE,
        OrganizationMessage.VERSION,
        message);
  }
}
