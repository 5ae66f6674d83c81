package dev.billing.invoicing.app.coupon;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.addon.AddOn;
import dev.billing.invoicing.persistence.coupon.AddOnRepository;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.persistence.PgErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Creates, changes and deletes add-ons, each in one transaction. A code in use: 422 {@code code:
 * value_already_exist}; an unknown code: 404 {@code add_on_not_found}.
 */
@ApplicationScoped
public class AddOnCatalog {

  private final AddOnRepository addOns;
  private final Pool pool;
  private final Clock clock;

  public AddOnCatalog(AddOnRepository addOns, Pool pool, Clock clock) {
    this.addOns = addOns;
    this.pool = pool;
    this.clock = clock;
  }

  /** Stores a new, already checked, add-on. */
  public Uni<AddOn> create(AddOn addOn) {
    return pool.withTransaction(
            tx ->
                requireFreeCode(tx, addOn.organizationId(), addOn.code())
                    .chain(() -> addOns.insert(tx, addOn)))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(e -> ValidationErrors.single("code", ErrorCode.VALUE_ALREADY_EXIST.code()))
        .replaceWith(addOn);
  }

  /** Changes the add-on with this code as {@code change} says (which checks the result). */
  public Uni<AddOn> update(UUID organizationId, String code, UnaryOperator<AddOn> change) {
    return pool.withTransaction(
            tx ->
                existing(tx, organizationId, code)
                    .flatMap(
                        old -> {
                          AddOn changed = change.apply(old);
                          Uni<Void> free =
                              changed.code().equals(old.code())
                                  ? Uni.createFrom().voidItem()
                                  : requireFreeCode(tx, organizationId, changed.code());
                          return free.chain(() -> addOns.update(tx, changed)).replaceWith(changed);
                        }))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(e -> ValidationErrors.single("code", ErrorCode.VALUE_ALREADY_EXIST.code()));
  }

  /** Deletes the add-on with this code; invoiced fees keep it, its code is free again. */
  public Uni<AddOn> delete(UUID organizationId, String code) {
    return pool.withTransaction(
        tx ->
            existing(tx, organizationId, code)
                .call(addOn -> addOns.delete(tx, addOn.id(), clock.instant())));
  }

  private Uni<AddOn> existing(SqlClient client, UUID organizationId, String code) {
    return addOns
        .find(client, organizationId, code)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("add_on")));
  }

  private Uni<Void> requireFreeCode(SqlClient tx, UUID organizationId, String code) {
    return addOns
        .find(tx, organizationId, code)
        .invoke(
            found -> {
              if (found.isPresent()) {
                throw ValidationErrors.single("code", ErrorCode.VALUE_ALREADY_EXIST.code());
              }
            })
        .replaceWithVoid();
  }
}
