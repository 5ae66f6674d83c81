package dev.billing.rating.app;

import dev.billing.platform.error.ErrorCode;
import dev.billing.platform.error.HttpError;

/**
 * Rating's own error codes (the generic ones are {@code PlatformErrorCode}). Lago's field codes of
 * a 422 ({@code value_already_exist}, {@code invalid_graduated_ranges}...) are the {@code
 * error_details} of {@code validation_errors}, not codes of their own.
 */
public enum RatingErrorCode implements ErrorCode {
  BILLABLE_METRIC_NOT_FOUND("billable_metric_not_found", HttpError.NOT_FOUND),
  /** Lago's code for an unknown metric in a plan's {@code charges}. */
  BILLABLE_METRICS_NOT_FOUND("billable_metrics_not_found", HttpError.NOT_FOUND),
  PLAN_NOT_FOUND("plan_not_found", HttpError.NOT_FOUND),
  CHARGE_NOT_FOUND("charge_not_found", HttpError.NOT_FOUND),
  SUBSCRIPTION_NOT_FOUND("subscription_not_found", HttpError.NOT_FOUND),
  CUSTOMER_NOT_FOUND("customer_not_found", HttpError.NOT_FOUND),
  EVENT_NOT_FOUND("event_not_found", HttpError.NOT_FOUND);

  private final String code;
  private final HttpError http;

  RatingErrorCode(String code, HttpError http) {
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
