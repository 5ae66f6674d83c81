package dev.billing.platform.auth;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ErrorResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the operator API ({@code /admin/...}) and the internal API ({@code /internal/...}) with
 * the token of env {@code BILLING_ADMIN_TOKEN}; without a configured token the operator API refuses
 * everyone.
 */
public class OperatorAuthFilter {

  static final String OPERATOR_API_PREFIX = "/admin/";

  /** Service-to-service API (e.g. rating's fees for invoicing), same token. */
  static final String INTERNAL_API_PREFIX = "/internal/";

  private final Optional<String> adminToken;

  public OperatorAuthFilter(PlatformConfig config) {
    this.adminToken = config.auth().adminToken().filter(token -> !token.isBlank());
  }

  @ServerRequestFilter
  public Response authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (!path.startsWith(OPERATOR_API_PREFIX) && !path.startsWith(INTERNAL_API_PREFIX)) {
      return null;
    }
    String token = ApiKeys.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null
        || adminToken.isEmpty()
        || !ApiKeys.constantTimeEquals(token, adminToken.get())) {
      return ErrorResponses.of(ApiException.unauthorized());
    }
    return null;
  }
}
