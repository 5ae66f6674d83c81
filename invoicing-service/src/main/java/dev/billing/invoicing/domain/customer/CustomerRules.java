package dev.billing.invoicing.domain.customer;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.organization.LegalAddress;
import dev.billing.invoicing.domain.organization.OrganizationRules;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Validates customer input and applies it; Lago's error codes. */
public final class CustomerRules {

  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_METADATA = 5;
  public static final int MAX_GRACE_PERIOD_DAYS = 365;
  public static final int MAX_NET_PAYMENT_TERM_DAYS = 36_500;

  /** Lago's {@code billing_configuration.payment_provider} values. */
  public static final Set<String> PAYMENT_PROVIDERS =
      Set.of("stripe", "adyen", "gocardless", "cashfree", "flutterwave", "moneyhash");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private CustomerRules() {}

  public static ValidationErrors validate(String externalId, CustomerChanges c) {
    ValidationErrors errors = new ValidationErrors();
    if (externalId == null || externalId.isBlank()) {
      errors.add("external_id", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    present(c.name())
        .filter(n -> n.length() > MAX_NAME_LENGTH)
        .ifPresent(n -> errors.add("name", ErrorCode.VALUE_IS_TOO_LONG.code()));
    present(c.email())
        .filter(e -> !EMAIL.matcher(e).matches())
        .ifPresent(e -> errors.add("email", ErrorCode.INVALID_EMAIL_FORMAT.code()));
    present(c.currency())
        .filter(code -> !Currencies.isKnown(code))
        .ifPresent(code -> errors.add("currency", ErrorCode.VALUE_IS_INVALID.code()));
    present(c.timezone())
        .filter(zone -> !OrganizationRules.isTimezone(zone))
        .ifPresent(zone -> errors.add("timezone", ErrorCode.INVALID_TIMEZONE.code()));
    present(c.country())
        .filter(country -> !COUNTRIES.contains(country.toUpperCase(Locale.ROOT)))
        .ifPresent(country -> errors.add("country", ErrorCode.NOT_A_VALID_COUNTRY_CODE.code()));
    present(c.paymentProvider())
        .filter(p -> !PAYMENT_PROVIDERS.contains(p))
        .ifPresent(p -> errors.add("payment_provider", ErrorCode.VALUE_IS_INVALID.code()));
    present(c.invoiceGracePeriod())
        .filter(days -> days < 0 || days > MAX_GRACE_PERIOD_DAYS)
        .ifPresent(
            days -> errors.add("invoice_grace_period", ErrorCode.VALUE_IS_OUT_OF_RANGE.code()));
    present(c.netPaymentTerm())
        .filter(days -> days < 0 || days > MAX_NET_PAYMENT_TERM_DAYS)
        .ifPresent(days -> errors.add("net_payment_term", ErrorCode.VALUE_IS_OUT_OF_RANGE.code()));
    if (c.metadata() != null) {
      if (c.metadata().size() > MAX_METADATA) {
        errors.add("metadata", ErrorCode.INVALID_COUNT.code());
      }
      for (CustomerChanges.MetadataInput m : c.metadata()) {
        if (m == null || m.key() == null || m.key().isBlank() || m.value() == null) {
          errors.add("metadata", ErrorCode.INVALID_KEY_VALUE_PAIR.code());
        }
      }
    }
    return errors;
  }

  /** The customer after the (validated) changes, one revision later. */
  public static Customer apply(
      Customer c, CustomerChanges changes, Instant now, Supplier<UUID> ids) {
    LegalAddress a = c.address();
    LegalAddress address =
        new LegalAddress(
            pick(changes.email(), a.email()),
            pick(changes.legalName(), a.legalName()),
            pick(changes.legalNumber(), a.legalNumber()),
            pick(changes.taxIdentificationNumber(), a.taxIdentificationNumber()),
            pick(changes.addressLine1(), a.addressLine1()),
            pick(changes.addressLine2(), a.addressLine2()),
            pick(changes.city(), a.city()),
            pick(changes.state(), a.state()),
            pick(changes.zipcode(), a.zipcode()),
            upper(pick(changes.country(), a.country())));
    CustomerBilling b = c.billing();
    CustomerBilling billing =
        new CustomerBilling(
            pick(changes.paymentProvider(), b.paymentProvider()),
            pick(changes.providerCustomerId(), b.providerCustomerId()),
            pick(changes.invoiceGracePeriod(), b.invoiceGracePeriod()),
            pick(changes.netPaymentTerm(), b.netPaymentTerm()));
    return new Customer(
        c.id(),
        c.organizationId(),
        c.revision() + 1,
        c.externalId(),
        c.sequentialId(),
        pick(changes.name(), c.name()),
        upper(pick(changes.currency(), c.currency())),
        pick(changes.timezone(), c.timezone()),
        address,
        billing,
        changes.metadata() == null
            ? c.metadata()
            : metadata(c.metadata(), changes.metadata(), now, ids),
        c.deletedAt(),
        c.createdAt(),
        now);
  }

  /**
   * The given pairs replace the held ones; a pair named by its id or key keeps its id and creation
   * time.
   */
  static List<CustomerMetadata> metadata(
      List<CustomerMetadata> held,
      List<CustomerChanges.MetadataInput> given,
      Instant now,
      Supplier<UUID> ids) {
    List<CustomerMetadata> result = new ArrayList<>();
    for (CustomerChanges.MetadataInput in : given) {
      Optional<CustomerMetadata> same =
          held.stream()
              .filter(
                  h ->
                      h.id().toString().equals(in.id())
                          || (in.id() == null && h.key().equals(in.key())))
              .findFirst();
      boolean display = Boolean.TRUE.equals(in.displayInInvoice());
      result.add(
          new CustomerMetadata(
              same.map(CustomerMetadata::id).orElseGet(ids),
              in.key(),
              in.value(),
              display,
              same.map(CustomerMetadata::createdAt).orElse(now)));
    }
    return List.copyOf(result);
  }

  private static String upper(String code) {
    return code == null ? null : code.toUpperCase(Locale.ROOT);
  }

  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  private static <T> Optional<T> present(Optional<T> change) {
    return change == null ? Optional.empty() : change;
  }

  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  private static <T> T pick(Optional<T> change, T current) {
    return change == null ? current : change.orElse(null);
  }
}
