package dev.billing.platform.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contract of {@code billing.organizations} (type {@value #TYPE}, version {@value #VERSION}), keyed
 * by organization id. It carries the organization's whole current state, so applying the newest
 * revision is all a consumer does; API keys travel only as SHA-256 hashes.
 *
 * @param organizationId the organization
 * @param revision increases with every change; a consumer ignores a revision it has already passed
 * @param name display name
 * @param timezone IANA zone billing periods are computed in, unless a customer overrides it
 * @param defaultCurrency ISO 4217 code
 * @param documentNumberPrefix prefix of invoice and credit-note numbers
 * @param netPaymentTerm days between finalization and the payment due date
 * @param invoiceGracePeriod days an invoice stays draft before it is finalized
 * @param webhookUrl legacy single webhook URL, or null
 * @param apiKeyHashes hex SHA-256 of every key that authenticates as this organization now
 * @param updatedAt when this revision was made
 */
public record OrganizationMessage(
    UUID organizationId,
    long revision,
    String name,
    String timezone,
    String defaultCurrency,
    String documentNumberPrefix,
    int netPaymentTerm,
    int invoiceGracePeriod,
    String webhookUrl,
    List<String> apiKeyHashes,
    Instant updatedAt) {

  public static final String TYPE = "organization.updated";
  public static final int VERSION = 1;
  public static final String AGGREGATE_TYPE = "organizations";
}
