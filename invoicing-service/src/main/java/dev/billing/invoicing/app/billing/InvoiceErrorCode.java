package dev.billing.invoicing.app.billing;

import dev.billing.platform.error.ErrorCode;
import dev.billing.platform.error.HttpError;

/** Lago's codes for what cannot be done to an invoice in its current status. */
public enum InvoiceErrorCode implements ErrorCode {
  NOT_VOIDABLE("not_voidable", HttpError.METHOD_NOT_ALLOWED),
  NOT_FINALIZABLE("not_finalizable", HttpError.METHOD_NOT_ALLOWED),
  NOT_REFRESHABLE("not_refreshable", HttpError.METHOD_NOT_ALLOWED);

  private final String code;
  private final HttpError http;

  InvoiceErrorCode(String code, HttpError http) {
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
