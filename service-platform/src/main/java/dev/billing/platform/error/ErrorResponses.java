package dev.billing.platform.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for an {@link ApiError}. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(ApiException e) {
    Response.ResponseBuilder builder =
        Response.status(e.body().status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body());
    e.headers().forEach(builder::header);
    return builder.build();
  }

  public static Response of(ErrorCode code, Object details) {
    return of(new ApiException(code, details));
  }
}
