package dev.billing.invoicing.domain.organization;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates organization input and applies changes; Lago's error codes. */
public final class OrganizationRules {

  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_GRACE_PERIOD_DAYS = 365;
  public static final int MAX_NET_PAYMENT_TERM_DAYS = 36_500;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> NUMBERING =
      Set.of(Organization.PER_CUSTOMER, Organization.PER_ORGANIZATION);
  private static final Set<String> EMAIL_SETTINGS =
      Set.of("invoice.finalized", "credit_note.created", "payment_receipt.created");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");

  private OrganizationRules() {}

  public static ValidationErrors validateName(String name) {
    ValidationErrors errors = new ValidationErrors();
    if (name == null || name.isBlank()) {
      errors.add("name", ErrorCode.VALUE_IS_MANDATORY.code());
    } else if (name.length() > MAX_NAME_LENGTH) {
      errors.add("name", ErrorCode.VALUE_IS_TOO_LONG.code());
    }
    return errors;
  }

  public static ValidationErrors validate(OrganizationChanges c) {
    ValidationErrors errors = new ValidationErrors();
    if (c.timezone() != null && !isTimezone(c.timezone())) {
      errors.add("timezone", ErrorCode.INVALID_TIMEZONE.code());
    }
    if (c.defaultCurrency() != null && !Currencies.isKnown(c.defaultCurrency())) {
      errors.add("default_currency", ErrorCode.VALUE_IS_INVALID.code());
    }
    if (c.documentNumberPrefix() != null) {
      String prefix = c.documentNumberPrefix().trim();
      if (prefix.isEmpty()) {
        errors.add("document_number_prefix", ErrorCode.VALUE_IS_MANDATORY.code());
      } else if (prefix.length() > DocumentNumberPrefix.MAX_LENGTH) {
        errors.add("document_number_prefix", ErrorCode.VALUE_IS_TOO_LONG.code());
      }
    }
    if (c.documentNumbering() != null && !NUMBERING.contains(c.documentNumbering())) {
      errors.add("document_numbering", ErrorCode.VALUE_IS_INVALID.code());
    }
    outOfRange(errors, "net_payment_term", c.netPaymentTerm(), MAX_NET_PAYMENT_TERM_DAYS);
    outOfRange(errors, "invoice_grace_period", c.invoiceGracePeriod(), MAX_GRACE_PERIOD_DAYS);
    present(c.webhookUrl())
        .filter(url -> !isHttpUrl(url))
        .ifPresent(url -> errors.add("webhook_url", ErrorCode.URL_IS_INVALID.code()));
    present(c.email())
        .filter(email -> !EMAIL.matcher(email).matches())
        .ifPresent(email -> errors.add("email", ErrorCode.INVALID_EMAIL_FORMAT.code()));
    present(c.country())
        .filter(country -> !COUNTRIES.contains(country))
        .ifPresent(country -> errors.add("country", ErrorCode.NOT_A_VALID_COUNTRY_CODE.code()));
    if (c.documentLocale() != null && !LOCALE.matcher(c.documentLocale()).matches()) {
      errors.add("document_locale", ErrorCode.INVALID_DOCUMENT_LOCALE.code());
    }
    // Set.of answers a null element with an exception: [null] is a client's unsupported value
    if (c.emailSettings() != null
        && !c.emailSettings().stream().allMatch(s -> s != null && EMAIL_SETTINGS.contains(s))) {
      errors.add("email_settings", ErrorCode.UNSUPPORTED_VALUE.code());
    }
    return errors;
  }

  /** The organization after the (validated) changes, one revision later. */
  public static Organization apply(Organization o, OrganizationChanges c, Instant now) {
    LegalAddress a = o.address();
    LegalAddress address =
        new LegalAddress(
            pick(c.email(), a.email()),
            pick(c.legalName(), a.legalName()),
            pick(c.legalNumber(), a.legalNumber()),
            pick(c.taxIdentificationNumber(), a.taxIdentificationNumber()),
            pick(c.addressLine1(), a.addressLine1()),
            pick(c.addressLine2(), a.addressLine2()),
            pick(c.city(), a.city()),
            pick(c.state(), a.state()),
            pick(c.zipcode(), a.zipcode()),
            pick(c.country(), a.country()));
    return new Organization(
        o.id(),
        o.revision() + 1,
        o.name(),
        c.timezone() != null ? c.timezone() : o.timezone(),
        c.defaultCurrency() != null ? c.defaultCurrency() : o.defaultCurrency(),
        c.documentNumberPrefix() != null
            ? DocumentNumberPrefix.normalize(c.documentNumberPrefix())
            : o.documentNumberPrefix(),
        c.documentNumbering() != null ? c.documentNumbering() : o.documentNumbering(),
        c.netPaymentTerm() != null ? c.netPaymentTerm() : o.netPaymentTerm(),
        c.invoiceGracePeriod() != null ? c.invoiceGracePeriod() : o.invoiceGracePeriod(),
        pick(c.webhookUrl(), o.webhookUrl()),
        address,
        pick(c.invoiceFooter(), o.invoiceFooter()),
        c.documentLocale() != null ? c.documentLocale() : o.documentLocale(),
        c.finalizeZeroAmountInvoice() != null
            ? c.finalizeZeroAmountInvoice()
            : o.finalizeZeroAmountInvoice(),
        c.emailSettings() != null ? c.emailSettings() : o.emailSettings(),
        o.createdAt(),
        now);
  }

  public static boolean isTimezone(String zone) {
    if (zone.isBlank() || zone.startsWith("+") || zone.startsWith("-")) {
      return false;
    }
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void outOfRange(ValidationErrors errors, String field, Integer value, int max) {
    if (value != null && (value < 0 || value > max)) {
      errors.add(field, ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
  }

  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  private static Optional<String> present(Optional<String> change) {
    return change == null ? Optional.empty() : change;
  }

  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  private static String pick(Optional<String> change, String current) {
    return change == null ? current : change.orElse(null);
  }
}
