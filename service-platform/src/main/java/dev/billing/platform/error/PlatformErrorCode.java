package dev.billing.platform.error;

/** Error codes every service can answer with. */
public enum PlatformErrorCode implements ErrorCode {
  BAD_REQUEST("bad_request", HttpError.BAD_REQUEST),
  INVALID_JSON("invalid_json", HttpError.BAD_REQUEST),
  UNAUTHORIZED(null, HttpError.UNAUTHORIZED),
  RESOURCE_NOT_FOUND("resource_not_found", HttpError.NOT_FOUND),
  METHOD_NOT_ALLOWED("method_not_allowed", HttpError.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE("not_acceptable", HttpError.NOT_ACCEPTABLE),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", HttpError.UNSUPPORTED_MEDIA_TYPE),
  PAYLOAD_TOO_LARGE("payload_too_large", HttpError.PAYLOAD_TOO_LARGE),
  VALIDATION_ERRORS("validation_errors", HttpError.UNPROCESSABLE_ENTITY),
  TOO_MANY_REQUESTS("too_many_requests", HttpError.TOO_MANY_REQUESTS),
  SERVICE_UNAVAILABLE("service_unavailable", HttpError.SERVICE_UNAVAILABLE),
  INTERNAL_ERROR("internal_error", HttpError.INTERNAL_SERVER_ERROR);

  private final String code;
  private final HttpError http;

  PlatformErrorCode(String code, HttpError http) {
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
