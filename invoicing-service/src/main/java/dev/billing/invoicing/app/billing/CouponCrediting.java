package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.domain.coupon.AppliedCoupon;
import dev.billing.invoicing.domain.coupon.CouponApplication;
import dev.billing.invoicing.domain.coupon.CouponApplicator;
import dev.billing.invoicing.domain.coupon.CouponCredit;
import dev.billing.invoicing.domain.coupon.DiscountableFee;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.invoicing.domain.invoice.InvoiceTotals;
import dev.billing.invoicing.persistence.FeeRepository;
import dev.billing.invoicing.persistence.FeeRepository.StoredFee;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.BilledSubscriptionView;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredAppliedCoupon;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies the customer's active coupons to a subscription invoice being finalized, with the pure
 * {@link CouponApplicator} (Lago's order and caps), in the finalization's transaction: the credits,
 * each fee's share, the invoice's totals and each applied coupon's new state (amount left, periods
 * left, terminated) are written together. An invoice is finalized once, so a coupon is never
 * consumed twice by the same invoice; a billing run that makes no invoice applies nothing.
 */
@ApplicationScoped
public class CouponCrediting {

  private static final Logger LOG = Logger.getLogger(CouponCrediting.class);

  private final InvoiceRepository invoices;
  private final FeeRepository fees;
  private final AppliedCouponRepository applied;
  private final CouponApplicator applicator = new CouponApplicator();

  public CouponCrediting(
      InvoiceRepository invoices, FeeRepository fees, AppliedCouponRepository applied) {
    this.invoices = invoices;
    this.fees = fees;
    this.applied = applied;
  }

  /** Applies the coupons; true when they credited the invoice (its totals and fees changed). */
  public Uni<Boolean> apply(SqlClient tx, Invoice invoice, Instant at) {
    if (!"subscription".equals(invoice.invoiceType())) {
      return Uni.createFrom().item(false);
    }
    List<UUID> ids = List.of(invoice.id());
    return applied
        .activeForUpdate(tx, invoice.customerId())
        .flatMap(
            coupons ->
                coupons.isEmpty()
                    ? Uni.createFrom().item(false)
                    : this.fees
                        .feesOf(tx, ids)
                        .flatMap(
                            fees ->
                                invoices
                                    .subscriptionsOf(tx, ids)
                                    .flatMap(
                                        subs ->
                                            credit(
                                                tx,
                                                invoice,
                                                coupons,
                                                fees,
                                                subs.getOrDefault(invoice.id(), List.of()),
                                                at))));
  }

  private Uni<Boolean> credit(
      SqlClient tx,
      Invoice invoice,
      List<StoredAppliedCoupon> coupons,
      List<StoredFee> fees,
      List<BilledSubscriptionView> subscriptions,
      Instant at) {
    CurrencyUnit currency = Currencies.of(invoice.currency());
    List<FeeLine> lines = fees.stream().map(StoredFee::line).toList();
    Money feesAmount = InvoiceTotals.sumOf(currency, lines);
    if (feesAmount.isNegative() || feesAmount.isZero()) {
      return Uni.createFrom().item(false);
    }
    Map<String, String> planBySubscription = new HashMap<>();
    subscriptions.forEach(
        s -> planBySubscription.put(s.billed().subscriptionId().toString(), s.planCode()));
    // a negative correction lowers the invoice, not a fee a coupon could target
    List<DiscountableFee> discountable =
        fees.stream()
            .filter(f -> !f.line().amount().isNegative())
            .map(
                f ->
                    DiscountableFee.of(
                        f.line(),
                        f.subscriptionId() == null
                            ? null
                            : planBySubscription.get(f.subscriptionId().toString()),
                        f.billableMetricCode()))
            .toList();
    List<AppliedCoupon> before = coupons.stream().map(StoredAppliedCoupon::state).toList();
    CouponApplication application = applicator.apply(currency, before, discountable, at);
    Map<String, AppliedCoupon> old =
        before.stream().collect(Collectors.toMap(AppliedCoupon::id, Function.identity()));
    InvoiceTotals totals = InvoiceTotals.of(currency, lines, application.totalAmount());
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (AppliedCoupon after : application.coupons()) {
      if (!after.equals(old.get(after.id()))) {
        chain = chain.chain(() -> applied.saveState(tx, after, at));
      }
    }
    for (int i = 0; i < application.credits().size(); i++) {
      CouponCredit credit = application.credits().get(i);
      int position = i;
      chain =
          chain.chain(
              () ->
                  applied.insertCredit(
                      tx,
                      invoice.organizationId(),
                      invoice.id(),
                      position,
                      UUID.fromString(credit.appliedCouponId()),
                      credit.amount(),
                      at));
    }
    if (application.credits().isEmpty()) {
      // a coupon's state may still change (a recurring one used up its periods), not the invoice
      return chain.replaceWith(false);
    }
    LOG.infof(
        "invoiceId=%s coupons=%s credited=%s",
        invoice.id(), application.credits().size(), totals.couponsAmount());
    return chain
        .chain(
            () ->
                this.fees.setPreciseCoupons(
                    tx, invoice.id(), application.preciseCouponsAmountByFee()))
        .chain(
            () ->
                invoices.updateTotals(
                    tx, invoice.id(), totals, totals.paymentStatusAtFinalization(), at))
        .replaceWith(true);
  }
}
