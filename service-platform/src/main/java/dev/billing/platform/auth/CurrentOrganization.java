package dev.billing.platform.auth;

import dev.billing.platform.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The organization the request's API key belongs to; set by {@link ApiKeyAuthFilter}. */
@RequestScoped
public class CurrentOrganization {

  private UUID id;

  void set(UUID organizationId) {
    this.id = organizationId;
  }

  /** The authenticated organization; a request without one never reaches a resource. */
  public UUID id() {
    if (id == null) {
      throw ApiException.unauthorized();
    }
    return id;
  }
}
