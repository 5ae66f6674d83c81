package dev.billing.invoicing.persistence;

import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads what invoices' views show besides their headers: credits, fees, periods, customers. */
@ApplicationScoped
public class InvoiceViewRepository {

  private final InvoiceRepository invoices;
  private final FeeRepository fees;
  private final CustomerRepository customers;
  private final AppliedCouponRepository coupons;

  public InvoiceViewRepository(
      InvoiceRepository invoices,
      FeeRepository fees,
      CustomerRepository customers,
      AppliedCouponRepository coupons) {
    this.invoices = invoices;
    this.fees = fees;
    this.customers = customers;
    this.coupons = coupons;
  }

  /**
   * What the views of these invoices show besides their headers, read in one round trip on a
   * transaction's connection (pipelined), or in parallel on a pool.
   */
  public Uni<InvoiceParts> parts(
      SqlClient client, UUID organizationId, List<UUID> invoiceIds, List<UUID> customerIds) {
    return Uni.combine()
        .all()
        .unis(
            coupons.credits(client, invoiceIds, List.of()),
            fees.feesOf(client, invoiceIds),
            invoices.subscriptionsOf(client, invoiceIds),
            customers.byIds(client, organizationId, customerIds))
        .with(InvoiceParts::new);
  }
}
