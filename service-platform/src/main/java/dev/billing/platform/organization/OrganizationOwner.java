package dev.billing.platform.organization;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** The owner of organizations and their API keys, as this service's read model asks it. */
public interface OrganizationOwner {

  /**
   * The {@code billing.organizations} message of the organization whose active key has this hash,
   * as a JSON payload; none when no active key has it.
   */
  Uni<List<String>> byKeyHash(String keyHash);
}
