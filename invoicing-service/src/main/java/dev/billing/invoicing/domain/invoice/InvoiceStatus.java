package dev.billing.invoicing.domain.invoice;

import java.util.Arrays;
import java.util.Set;

/**
 * An invoice's status, as Lago names it, and the changes it allows: a draft is finalized (or
 * refreshed while it stays a draft), a finalized invoice is voided. {@code pending} and {@code
 * failed} are the states of an invoice whose taxes are being computed or could not be: pending
 * becomes a draft, finalized or failed; a failed one is tried again (pending).
 */
public enum InvoiceStatus {
  PENDING("pending"),
  FAILED("failed"),
  DRAFT("draft"),
  FINALIZED("finalized"),
  VOIDED("voided");

  private final String wireName;

  InvoiceStatus(String wireName) {
    this.wireName = wireName;
  }

  /** Lago's name, also the {@code invoices.status} column's. */
  public String wireName() {
    return wireName;
  }

  public static InvoiceStatus fromWire(String wireName) {
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(wireName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown invoice status " + wireName));
  }

  /** Whether an invoice in this status may change to {@code next}. */
  public boolean canBecome(InvoiceStatus next) {
    return switch (this) {
      case PENDING -> Set.of(DRAFT, FINALIZED, FAILED).contains(next);
      case FAILED -> next == PENDING;
      case DRAFT -> next == FINALIZED;
      case FINALIZED -> next == VOIDED;
      case VOIDED -> false;
    };
  }

  /** Only a draft is finalized on demand: a pending one is, once its taxes are known. */
  public boolean isFinalizable() {
    return this == DRAFT;
  }

  /** Only a draft is priced again: a finalized invoice never changes its fees. */
  public boolean isRefreshable() {
    return this == DRAFT;
  }

  public boolean isVoidable() {
    return canBecome(VOIDED);
  }

  /** The status after finalization; throws unless this status allows it. */
  public InvoiceStatus finalized() {
    return to(FINALIZED);
  }

  /** The status after voiding; throws unless this status allows it. */
  public InvoiceStatus voided() {
    return to(VOIDED);
  }

  private InvoiceStatus to(InvoiceStatus next) {
    if (!canBecome(next)) {
      throw new IllegalStateException("an invoice " + wireName + " cannot become " + next.wireName);
    }
    return next;
  }
}
