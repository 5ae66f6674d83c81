package dev.billing.invoicing.api.addon;

import dev.billing.invoicing.app.coupon.AddOnCatalog;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.addon.AddOn;
import dev.billing.invoicing.persistence.coupon.AddOnRepository;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Lago's {@code /api/v1/add_ons[/{code}]}, addressed by code within the key's organization. 422s:
 * {@code name}/{@code code}/{@code amount_cents}: {@code value_is_mandatory}, {@code code}: {@code
 * value_already_exist}, {@code amount_cents}: {@code value_is_out_of_range} (negative), {@code
 * amount_currency}: {@code value_is_invalid}. DELETE keeps invoiced fees and frees the code.
 */
@Path("/api/v1/add_ons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AddOnResource {

  /**
   * @param addOns one page, newest first
   * @param meta Lago's pagination
   */
  public record ListResponse(List<AddOnJson> addOns, PaginationMeta meta) {}

  private final AddOnRepository addOns;
  private final AddOnCatalog catalog;
  private final CurrentOrganization current;
  private final Pool pool;
  private final Clock clock;

  public AddOnResource(
      AddOnRepository addOns,
      AddOnCatalog catalog,
      CurrentOrganization current,
      Pool pool,
      Clock clock) {
    this.addOns = addOns;
    this.catalog = catalog;
    this.current = current;
    this.pool = pool;
    this.clock = clock;
  }

  @POST
  public Uni<AddOnJson.Response> create(AddOnRequest request) {
    AddOnRequest.Input in = input(request);
    Instant now = clock.instant();
    AddOn addOn =
        valid(
            new AddOn(
                UUID.randomUUID(),
                current.id(),
                nonNull(in.code()),
                in.name(),
                in.invoiceDisplayName(),
                in.description(),
                amount(in.amountCents(), in.amountCurrency(), new ValidationErrors()),
                now,
                now),
            in.amountCents(),
            in.amountCurrency());
    return catalog.create(addOn).map(AddOnResource::response);
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    UUID org = current.id();
    return addOns
        .count(pool, org)
        .flatMap(
            total ->
                addOns
                    .list(pool, org, request.perPage(), request.offset())
                    .map(
                        list ->
                            new ListResponse(
                                list.stream().map(AddOnJson::of).toList(),
                                PaginationMeta.of(request, total))));
  }

  @GET
  @Path("/{code}")
  public Uni<AddOnJson.Response> get(@PathParam("code") String code) {
    return existing(pool, code).map(AddOnResource::response);
  }

  /** Changes the given fields; absent ones stay. */
  @PUT
  @Path("/{code}")
  public Uni<AddOnJson.Response> update(@PathParam("code") String code, AddOnRequest request) {
    AddOnRequest.Input in = input(request);
    return catalog
        .update(
            current.id(),
            code,
            old -> {
              Long cents = in.amountCents() != null ? in.amountCents() : old.amount().minorUnits();
              String currency =
                  in.amountCurrency() != null
                      ? in.amountCurrency()
                      : old.amount().currency().code();
              AddOn changed =
                  valid(
                      new AddOn(
                          old.id(),
                          old.organizationId(),
                          in.code() != null ? in.code() : old.code(),
                          in.name() != null ? in.name() : old.name(),
                          in.invoiceDisplayName() != null
                              ? in.invoiceDisplayName()
                              : old.invoiceDisplayName(),
                          in.description() != null ? in.description() : old.description(),
                          amount(cents, currency, new ValidationErrors()),
                          old.createdAt(),
                          clock.instant()),
                      cents,
                      currency);
              return changed;
            })
        .map(AddOnResource::response);
  }

  @DELETE
  @Path("/{code}")
  public Uni<AddOnJson.Response> delete(@PathParam("code") String code) {
    return catalog.delete(current.id(), code).map(AddOnResource::response);
  }

  private Uni<AddOn> existing(SqlClient client, String code) {
    return addOns
        .find(client, current.id(), code)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("add_on")));
  }

  /**
   * Checks the fields Lago checks; the amount was parsed leniently (a placeholder when invalid) so
   * that every error is reported at once.
   */
  private static AddOn valid(AddOn addOn, Long cents, String currency) {
    ValidationErrors errors = new ValidationErrors();
    if (addOn.name() == null || addOn.name().isBlank()) {
      errors.add("name", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    if (addOn.code().isBlank()) {
      errors.add("code", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    amount(cents, currency, errors);
    errors.throwIfAny();
    return addOn;
  }

  private static Money amount(Long cents, String currency, ValidationErrors errors) {
    if (cents == null) {
      errors.add("amount_cents", ErrorCode.VALUE_IS_MANDATORY.code());
    } else if (cents < 0) {
      errors.add("amount_cents", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
    boolean knownCurrency = currency != null && Currencies.isKnown(currency);
    if (!knownCurrency) {
      errors.add("amount_currency", ErrorCode.VALUE_IS_INVALID.code());
    }
    return Money.ofMinor(cents == null || cents < 0 ? 0 : cents, knownCurrency ? currency : "USD");
  }

  private static String nonNull(String code) {
    return code == null ? "" : code;
  }

  private static AddOnRequest.Input input(AddOnRequest request) {
    if (request == null || request.addOn() == null) {
      throw ApiException.missingRootKey("add_on");
    }
    return request.addOn();
  }

  private static AddOnJson.Response response(AddOn addOn) {
    return new AddOnJson.Response(AddOnJson.of(addOn));
  }
}
