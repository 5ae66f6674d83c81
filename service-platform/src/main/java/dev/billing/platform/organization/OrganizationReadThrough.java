package dev.billing.platform.organization;

import dev.billing.platform.auth.UnknownKeys;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.readmodel.MissLimiter;
import dev.billing.platform.readmodel.OwnerApi;
import dev.billing.platform.readmodel.ReadThrough;
import dev.billing.platform.readmodel.ReadThroughs;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.function.Function;

/**
 * An API key this service has not heard of yet is asked of invoicing-service, which owns keys, so
 * that a new organization's key works at once, also while a relay or consumer is behind.
 */
@ApplicationScoped
public class OrganizationReadThrough implements UnknownKeys {

  private final ReadThrough<String, OrganizationMessage> readThrough;

  public OrganizationReadThrough(
      ReadThroughs readThroughs, OrganizationReadModel readModel, OrganizationOwner owner) {
    this.readThrough = readThroughs.of(readModel, owner::byKeyHash);
  }

  @Override
  public Uni<Boolean> fetch(String keyHash) {
    return readThrough.fetch(MissLimiter.UNAUTHENTICATED, keyHash);
  }

  /** invoicing-service's internal API; invoicing-service itself provides a local owner instead. */
  @Produces
  @DefaultBean
  @ApplicationScoped
  static OrganizationOwner overInternalApi(ReadThroughs readThroughs, PlatformConfig config) {
    Function<String, Uni<List<String>>> owner =
        readThroughs.internalApi(
            config.owners().invoicingUrl(),
            hash -> "/internal/v1/api_keys?key_hash=" + OwnerApi.query(hash));
    return owner::apply;
  }
}
