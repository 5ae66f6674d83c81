package dev.billing.platform.error;

import dev.billing.platform.config.PlatformConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body announced larger than {@code billing.max-body-size} with 413 in Lago's envelope,
 * before it is read. ({@code quarkus.http.limits.max-body-size} stays above it as the hard stop for
 * bodies sent without a length, which Quarkus answers itself.)
 */
public class BodySizeLimitFilter {

  private final long maxBytes;

  public BodySizeLimitFilter(PlatformConfig config) {
    this.maxBytes = config.maxBodySize().asLongValue();
  }

  @ServerRequestFilter(preMatching = true)
  public Response limit(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return null;
    }
    try {
      if (Long.parseLong(length.trim()) > maxBytes) {
        return ErrorResponses.of(PlatformErrorCode.PAYLOAD_TOO_LARGE, null);
      }
    } catch (NumberFormatException e) {
      return ErrorResponses.of(PlatformErrorCode.BAD_REQUEST, null);
    }
    return null;
  }
}
