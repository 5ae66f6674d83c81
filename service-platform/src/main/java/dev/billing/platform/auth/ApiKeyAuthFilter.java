package dev.billing.platform.auth;

import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ErrorResponses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates the public API ({@code /api/v1/...}) with {@code Authorization: Bearer <api key>}
 * and records the key's organization for the request; anything else gets Lago's 401.
 */
public class ApiKeyAuthFilter {

  static final String PUBLIC_API_PREFIX = "/api/v1/";

  private final ApiKeyAuthenticator authenticator;
  private final CurrentOrganization current;

  public ApiKeyAuthFilter(ApiKeyAuthenticator authenticator, CurrentOrganization current) {
    this.authenticator = authenticator;
    this.current = current;
  }

  @ServerRequestFilter
  public Uni<Response> authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (!path.startsWith(PUBLIC_API_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    String token = ApiKeys.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      return Uni.createFrom().item(ErrorResponses.of(ApiException.unauthorized()));
    }
    return authenticator
        .organizationFor(token)
        .map(
            organization -> {
              if (organization.isEmpty()) {
                return ErrorResponses.of(ApiException.unauthorized());
              }
              current.set(organization.get());
              return null;
            });
  }
}
