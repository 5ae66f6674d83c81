package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.organization.Organization;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Lago's invoice numbers, given when an invoice is finalized (a draft shows {@code
 * <prefix>-DRAFT}). Per customer: {@code <prefix>-<customer sequential id>-<invoice sequential
 * id>}, e.g. {@code ACM-1A2B-001-001}; per organization: {@code <prefix>-<yyyyMM>-<organization
 * sequential id>}, the month taken at finalization in the organization's timezone. Sequences are
 * padded to three digits and grow beyond without truncation.
 */
public final class InvoiceNumber {

  private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  private InvoiceNumber() {}

  public static String draft(String prefix) {
    return prefix + "-DRAFT";
  }

  /** Lago's customer slug: the prefix and the customer's padded sequential id. */
  public static String customerSlug(String prefix, long customerSequentialId) {
    return prefix + "-" + padded(customerSequentialId);
  }

  public static String perCustomer(
      String prefix, long customerSequentialId, long invoiceSequentialId) {
    return customerSlug(prefix, customerSequentialId) + "-" + padded(invoiceSequentialId);
  }

  public static String perOrganization(
      String prefix, YearMonth month, long organizationSequentialId) {
    return prefix + "-" + YEAR_MONTH.format(month) + "-" + padded(organizationSequentialId);
  }

  /** The number of an invoice finalized at {@code finalizedAt}, by the organization's setting. */
  public static String forOrganization(
      Organization organization,
      long customerSequentialId,
      long invoiceSequentialId,
      long organizationSequentialId,
      Instant finalizedAt) {
    String prefix = organization.documentNumberPrefix();
    if (Organization.PER_ORGANIZATION.equals(organization.documentNumbering())) {
      ZoneId zone = ZoneId.of(organization.timezone());
      return perOrganization(
          prefix, YearMonth.from(finalizedAt.atZone(zone)), organizationSequentialId);
    }
    return perCustomer(prefix, customerSequentialId, invoiceSequentialId);
  }

  /**
   * Lago's next organization sequential id: one more than the highest so far, or, right after a
   * switch from per-customer numbering, one more than the count of numbered invoices.
   */
  public static long nextOrganizationSequentialId(
      long highestOrganizationSequentialId,
      boolean switchedFromPerCustomer,
      long numberedInvoiceCount) {
    return (switchedFromPerCustomer ? numberedInvoiceCount : highestOrganizationSequentialId) + 1;
  }

  private static String padded(long sequence) {
    return String.format(Locale.ROOT, "%03d", sequence);
  }
}
