package dev.billing.invoicing.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.invoicing.domain.organization.Organization;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumberTest {

  private static final UUID ORG_ID = UUID.fromString("00000000-0000-0000-0000-000000001a2b");

  @ParameterizedTest(name = "customer {0}, invoice {1} → {2}")
  @CsvSource({
    "1,    1,    ACM-1A2B-001-001",
    "12,   7,    ACM-1A2B-012-007",
    "1234, 1001, ACM-1A2B-1234-1001",
  })
  void shouldPadBothSequencesWhenNumberingPerCustomer(long customer, long invoice, String number) {
    assertThat(InvoiceNumber.perCustomer("ACM-1A2B", customer, invoice)).isEqualTo(number);
  }

  @Test
  void shouldUseTheMonthAndTheOrganizationSequenceWhenNumberingPerOrganization() {
    assertThat(InvoiceNumber.perOrganization("ACM", YearMonth.of(2026, 9), 42))
        .isEqualTo("ACM-202609-042");
    assertThat(InvoiceNumber.draft("ACM")).isEqualTo("ACM-DRAFT");
  }

  @Test
  void shouldTakeTheMonthInTheOrganizationZoneWhenFinalizedNearMidnight() {
    Organization tokyo = organization("Asia/Tokyo", Organization.PER_ORGANIZATION);
    Organization perCustomer = organization("UTC", Organization.PER_CUSTOMER);
    Instant finalizedAt = Instant.parse("2026-08-31T15:30:00Z"); // Sep 1 00:30 in Tokyo

    assertThat(InvoiceNumber.forOrganization(tokyo, 3, 9, 120, finalizedAt))
        .isEqualTo("ACM-1A2B-202609-120");
    assertThat(InvoiceNumber.forOrganization(perCustomer, 3, 9, 120, finalizedAt))
        .isEqualTo("ACM-1A2B-003-009");
  }

  @Test
  void shouldContinueFromTheCountWhenSwitchingFromPerCustomerNumbering() {
    assertThat(InvoiceNumber.nextOrganizationSequentialId(41, false, 500)).isEqualTo(42);
    assertThat(InvoiceNumber.nextOrganizationSequentialId(0, true, 500)).isEqualTo(501);
  }

  private static Organization organization(String zone, String numbering) {
    Organization org = Organization.create(ORG_ID, "Acme", Instant.parse("2026-01-01T00:00:00Z"));
    return new Organization(
        org.id(),
        org.revision(),
        org.name(),
        zone,
        org.defaultCurrency(),
        org.documentNumberPrefix(),
        numbering,
        org.netPaymentTerm(),
        org.invoiceGracePeriod(),
        org.webhookUrl(),
        org.address(),
        org.invoiceFooter(),
        org.documentLocale(),
        org.finalizeZeroAmountInvoice(),
        org.emailSettings(),
        org.createdAt(),
        org.updatedAt());
  }
}
