package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.app.outbox.ChangeWriter;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.addon.AddOn;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.FeeRepository.ChargeDetails;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.coupon.AddOnRepository;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One-off invoices ({@code POST /api/v1/invoices}): one fee per add-on line, {@code units ×
 * unit_amount_cents} rounded once, finalized at once. 404 {@code customer_not_found}, {@code
 * add_on_not_found}; 422 {@code fees: value_is_mandatory} (none), {@code currency:
 * value_is_invalid}, {@code currency: currencies_does_not_match} (not the customer's currency; a
 * customer without one takes the invoice's), {@code units} / {@code unit_amount_cents} negative:
 * {@code value_is_out_of_range}.
 */
@ApplicationScoped
public class CreateOneOffInvoice {

  private final Pool pool;
  private final CustomerRepository customers;
  private final OrganizationRepository organizations;
  private final AddOnRepository addOns;
  private final ChangeWriter writer;
  private final InvoiceLifecycle lifecycle;
  private final Clock clock;

  public CreateOneOffInvoice(
      Pool pool,
      CustomerRepository customers,
      OrganizationRepository organizations,
      AddOnRepository addOns,
      ChangeWriter writer,
      InvoiceLifecycle lifecycle,
      Clock clock) {
    this.pool = pool;
    this.customers = customers;
    this.organizations = organizations;
    this.addOns = addOns;
    this.writer = writer;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** Creates the invoice; returns its id. */
  public Uni<UUID> create(UUID organizationId, OneOffInvoiceCommand in) {
    if (in.externalCustomerId() == null) {
      throw ApiException.notFound("customer");
    }
    ValidationErrors errors = new ValidationErrors();
    if (in.fees() == null || in.fees().isEmpty()) {
      errors.add("fees", ErrorCode.VALUE_IS_MANDATORY.code());
    } else {
      for (OneOffInvoiceCommand.Fee fee : in.fees()) {
        if (fee == null) {
          errors.add("fees", ErrorCode.VALUE_IS_INVALID.code());
          continue;
        }
        if (fee.units() != null && fee.units().signum() < 0) {
          errors.add("units", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
        }
        if (fee.unitAmountCents() != null && fee.unitAmountCents() < 0) {
          errors.add("unit_amount_cents", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
        }
      }
    }
    if (in.currency() != null && !Currencies.isKnown(in.currency())) {
      errors.add("currency", ErrorCode.VALUE_IS_INVALID.code());
    }
    errors.throwIfAny();
    return pool.withTransaction(
        tx ->
            customers
                .findForUpdate(tx, organizationId, in.externalCustomerId())
                .map(found -> found.orElseThrow(() -> ApiException.notFound("customer")))
                .flatMap(
                    customer ->
                        addOnsOf(tx, organizationId, in.fees())
                            .flatMap(found -> invoice(tx, organizationId, customer, in, found))));
  }

  private Uni<List<AddOn>> addOnsOf(
      SqlClient tx, UUID organizationId, List<OneOffInvoiceCommand.Fee> fees) {
    return Multi.createFrom()
        .iterable(fees)
        .onItem()
        .transformToUniAndConcatenate(
            fee ->
                fee.addOnCode() == null
                    ? Uni.createFrom().<AddOn>failure(ApiException.notFound("add_on"))
                    : addOns
                        .find(tx, organizationId, fee.addOnCode())
                        .map(a -> a.orElseThrow(() -> ApiException.notFound("add_on"))))
        .collect()
        .asList();
  }

  private Uni<UUID> invoice(
      SqlClient tx,
      UUID organizationId,
      Customer customer,
      OneOffInvoiceCommand in,
      List<AddOn> found) {
    String code =
        in.currency() != null
            ? in.currency()
            : customer.currency() != null
                ? customer.currency()
                : found.get(0).amount().currency().code();
    if (customer.currency() != null && !customer.currency().equals(code)) {
      throw ValidationErrors.single("currency", ErrorCode.CURRENCIES_DOES_NOT_MATCH.code());
    }
    CurrencyUnit currency = Currencies.of(code);
    List<FeeLine> lines = new ArrayList<>();
    Map<String, ChargeDetails> details = new HashMap<>();
    for (int i = 0; i < found.size(); i++) {
      AddOn addOn = found.get(i);
      OneOffInvoiceCommand.Fee fee = in.fees().get(i);
      BigDecimal units = fee.units() != null ? fee.units() : BigDecimal.ONE;
      long unitCents =
          fee.unitAmountCents() != null ? fee.unitAmountCents() : addOn.amount().minorUnits();
      BigDecimal precise =
          units.multiply(BigDecimal.valueOf(unitCents)).movePointLeft(currency.exponent());
      String description =
          fee.description() != null
              ? fee.description()
              : addOn.description() != null ? addOn.description() : addOn.name();
      FeeLine line =
          FeeLine.addOn(
              addOn.id().toString(),
              UUID.randomUUID().toString(),
              units,
              precise,
              currency,
              description);
      lines.add(line);
      String label =
          fee.invoiceDisplayName() != null
              ? fee.invoiceDisplayName()
              : addOn.invoiceDisplayName() != null ? addOn.invoiceDisplayName() : addOn.name();
      details.put(line.key(), ChargeDetails.addOn(addOn.code(), label));
    }
    Uni<Customer> inCurrency =
        customer.currency() == null
            ? writer.customer(tx, customer.withCurrency(code, clock.instant()))
            : Uni.createFrom().item(customer);
    return inCurrency.flatMap(
        c ->
            organizations
                .find(tx, organizationId)
                .map(o -> o.orElseThrow())
                .flatMap(org -> lifecycle.createOneOff(tx, org, c, lines, details)));
  }
}
