package dev.billing.platform.auth;

import io.smallrye.mutiny.Uni;

/** Asks the owner of API keys about a key this service's read model does not hold. */
public interface UnknownKeys {

  /**
   * Fetches the organization of the key with this hash into the read model; true when the owner
   * knows the key.
   */
  Uni<Boolean> fetch(String keyHash);
}
