package dev.billing.platform.error;

/** The HTTP statuses our API answers with, and the {@code error} text Lago puts beside each. */
public enum HttpError {
  BAD_REQUEST(400, "Bad Request"),
  UNAUTHORIZED(401, "Unauthorized"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not Found"),
  METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
  NOT_ACCEPTABLE(406, "Not Acceptable"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Payload Too Large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
  UNPROCESSABLE_ENTITY(422, "Unprocessable Entity"),
  TOO_MANY_REQUESTS(429, "Too Many Requests"),
  INTERNAL_SERVER_ERROR(500, "Internal Server Error"),
  SERVICE_UNAVAILABLE(503, "Service Unavailable");

  private final int status;
  private final String text;

  HttpError(int status, String text) {
    this.status = status;
    this.text = text;
  }

  public int status() {
    return status;
  }

  public String text() {
    return text;
  }

  /** The entry for a status; an unknown 4xx counts as a bad request, anything else as a 500. */
  public static HttpError forStatus(int status) {
    for (HttpError e : values()) {
      if (e.status == status) {
        return e;
      }
    }
    return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_SERVER_ERROR;
  }
}
