package dev.billing.platform.error;

/**
 * A stable, snake_case error code and the HTTP status it answers with. Codes are part of the API
 * contract: once published, a code never changes. Each service keeps its own enum of codes; the
 * generic ones are in {@link PlatformErrorCode}.
 */
public interface ErrorCode {

  /** The {@code code} field of the error body; {@code null} where Lago sends none (401). */
  String code();

  HttpError http();
}
