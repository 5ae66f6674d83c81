package dev.billing.platform.error;

import java.util.Map;

/** A client-visible failure; the exception mapper turns it into Lago's error envelope. */
public class ApiException extends RuntimeException {

  private final transient ApiError body;
  private final transient Map<String, String> headers;

  public ApiException(ApiError body, Map<String, String> headers) {
    super(body.code() != null ? body.code() : body.error(), null, false, false);
    this.body = body;
    this.headers = Map.copyOf(headers);
  }

  public ApiException(ErrorCode code) {
    this(ApiError.of(code, null), Map.of());
  }

  public ApiException(ErrorCode code, Object details) {
    this(ApiError.of(code, details), Map.of());
  }

  /** 404 with Lago's {@code <resource>_not_found} code, e.g. {@code customer_not_found}. */
  public static ApiException notFound(String resource) {
    HttpError http = HttpError.NOT_FOUND;
    return new ApiException(
        new ApiError(http.status(), http.text(), resource + "_not_found", null), Map.of());
  }

  /**
   * 400 for a request body without its root key, worded as Lago words it: {@code BadRequest: param
   * is missing or the value is empty: organization}.
   */
  public static ApiException missingRootKey(String rootKey) {
    return new ApiException(
        new ApiError(
            400,
            "BadRequest: param is missing or the value is empty: " + rootKey,
            PlatformErrorCode.BAD_REQUEST.code(),
            null),
        Map.of());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(
        new ApiError(400, "BadRequest: " + message, PlatformErrorCode.BAD_REQUEST.code(), null),
        Map.of());
  }

  public static ApiException unauthorized() {
    return new ApiException(PlatformErrorCode.UNAUTHORIZED);
  }

  public ApiError body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
