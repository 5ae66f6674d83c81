package dev.billing.invoicing.domain;

import dev.billing.platform.error.HttpError;

/**
 * Invoicing's error codes, Lago's: what cannot be done to an invoice in its current status, and the
 * codes of a field in a 422 {@code validation_errors} body. A published code never changes.
 */
public enum ErrorCode implements dev.billing.platform.error.ErrorCode {
  NOT_VOIDABLE("not_voidable", HttpError.METHOD_NOT_ALLOWED),
  NOT_FINALIZABLE("not_finalizable", HttpError.METHOD_NOT_ALLOWED),
  NOT_REFRESHABLE("not_refreshable", HttpError.METHOD_NOT_ALLOWED),
  COUPON_IS_NOT_REUSABLE("coupon_is_not_reusable", HttpError.UNPROCESSABLE_ENTITY),
  CURRENCIES_DOES_NOT_MATCH("currencies_does_not_match", HttpError.UNPROCESSABLE_ENTITY),
  EXCEEDED_LIMIT("exceeded_limit", HttpError.UNPROCESSABLE_ENTITY),
  INVALID_COUNT("invalid_count", HttpError.UNPROCESSABLE_ENTITY),
  INVALID_DATE("invalid_date", HttpError.UNPROCESSABLE_ENTITY),
  INVALID_DOCUMENT_LOCALE("invalid_document_locale", HttpError.UNPROCESSABLE_ENTITY),
  INVALID_EMAIL_FORMAT("invalid_email_format", HttpError.UNPROCESSABLE_ENTITY),
  INVALID_KEY_VALUE_PAIR("invalid_key_value_pair", HttpError.UNPROCESSABLE_ENTITY),
  INVALID_TIMEZONE("invalid_timezone", HttpError.UNPROCESSABLE_ENTITY),
  NOT_A_VALID_COUNTRY_CODE("not_a_valid_country_code", HttpError.UNPROCESSABLE_ENTITY),
  ONLY_ONE_LIMITATION_TYPE_PER_COUPON_ALLOWED(
      "only_one_limitation_type_per_coupon_allowed", HttpError.UNPROCESSABLE_ENTITY),
  UNSUPPORTED_VALUE("unsupported_value", HttpError.UNPROCESSABLE_ENTITY),
  URL_IS_INVALID("url_is_invalid", HttpError.UNPROCESSABLE_ENTITY),
  VALUE_ALREADY_EXIST("value_already_exist", HttpError.UNPROCESSABLE_ENTITY),
  VALUE_IS_INVALID("value_is_invalid", HttpError.UNPROCESSABLE_ENTITY),
  VALUE_IS_MANDATORY("value_is_mandatory", HttpError.UNPROCESSABLE_ENTITY),
  VALUE_IS_OUT_OF_RANGE("value_is_out_of_range", HttpError.UNPROCESSABLE_ENTITY),
  VALUE_IS_TOO_LONG("value_is_too_long", HttpError.UNPROCESSABLE_ENTITY),
  VALUE_IS_TOO_SHORT("value_is_too_short", HttpError.UNPROCESSABLE_ENTITY);

  private final String code;
  private final HttpError http;

  ErrorCode(String code, HttpError http) {
    this.code = code;
    this.http = http;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public HttpError http() {
    return http;
  }
}
