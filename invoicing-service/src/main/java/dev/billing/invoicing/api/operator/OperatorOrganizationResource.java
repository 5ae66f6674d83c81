package dev.billing.invoicing.api.operator;

import dev.billing.invoicing.api.organization.OrganizationJson;
import dev.billing.invoicing.api.organization.OrganizationResponse;
import dev.billing.invoicing.app.organization.OrganizationStore;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.organization.OrganizationRules;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.webhook.SigningKeyRepository;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.ApiKeys;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * Operator API for organizations (token of env BILLING_ADMIN_TOKEN): create one with its first API
 * key, list them, rotate a key. The plain key is in the answer once and stored only hashed.
 */
@Path("/admin/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorOrganizationResource {

  static final int MIN_KEY_LENGTH = 16;

  private final OrganizationStore store;
  private final OrganizationRepository organizations;
  private final Pool pool;
  private final SigningKeyRepository signingKeys;

  public OperatorOrganizationResource(
      OrganizationStore store,
      OrganizationRepository organizations,
      Pool pool,
      SigningKeyRepository signingKeys) {
    this.store = store;
    this.organizations = organizations;
    this.pool = pool;
    this.signingKeys = signingKeys;
  }

  /**
   * {@code {"organization": {"name": ..., "api_key": optional}}}.
   *
   * @param organization the new organization
   */
  public record CreateRequest(CreateInput organization) {}

  /**
   * @param name display name
   * @param apiKey a key chosen by the operator (at least 16 characters), or null to generate one
   */
  public record CreateInput(String name, String apiKey) {}

  /**
   * {@code {"api_key": optional}}.
   *
   * @param apiKey the new key, or null to generate one
   */
  public record RotateRequest(String apiKey) {}

  /**
   * @param organizations one page
   * @param meta Lago's pagination
   */
  public record ListResponse(List<OrganizationJson> organizations, PaginationMeta meta) {}

  @POST
  public Uni<OrganizationResponse> create(CreateRequest request) {
    if (request == null || request.organization() == null) {
      throw ApiException.missingRootKey("organization");
    }
    String name = request.organization().name();
    ValidationErrors errors = OrganizationRules.validateName(name);
    validateKey(request.organization().apiKey(), errors);
    errors.throwIfAny();
    String key = keyOrGenerated(request.organization().apiKey());
    return requireUnusedKey(key)
        .chain(() -> store.create(name.trim(), key))
        .map(o -> new OrganizationResponse(OrganizationJson.of(o, key)));
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    return organizations
        .count(pool)
        .flatMap(
            total ->
                organizations
                    .list(pool, request.perPage(), request.offset())
                    .map(
                        list ->
                            new ListResponse(
                                list.stream().map(OrganizationJson::of).toList(),
                                PaginationMeta.of(request, total))));
  }

  @GET
  @Path("/{id}")
  public Uni<OrganizationResponse> get(@PathParam("id") String id) {
    return store
        .find(parseId(id))
        .map(found -> found.orElseThrow(() -> ApiException.notFound("organization")))
        .flatMap(
            o ->
                signingKeys
                    .hmacKey(pool, o.id())
                    .map(key -> new OrganizationResponse(OrganizationJson.of(o).withHmacKey(key))));
  }

  @POST
  @Path("/{id}/api_keys/rotate")
  public Uni<OrganizationResponse> rotate(@PathParam("id") String id, RotateRequest request) {
    String requested = request == null ? null : request.apiKey();
    ValidationErrors errors = new ValidationErrors();
    validateKey(requested, errors);
    errors.throwIfAny();
    String key = keyOrGenerated(requested);
    UUID organizationId = parseId(id);
    return requireUnusedKey(key)
        .chain(() -> store.replaceKeys(organizationId, key))
        .map(o -> new OrganizationResponse(OrganizationJson.of(o, key)));
  }

  private Uni<Void> requireUnusedKey(String key) {
    return store
        .keyHashExists(ApiKeys.hash(key))
        .invoke(
            exists -> {
              if (exists) {
                throw ValidationErrors.single("api_key", ErrorCode.VALUE_ALREADY_EXIST.code());
              }
            })
        .replaceWithVoid();
  }

  private static void validateKey(String apiKey, ValidationErrors errors) {
    if (apiKey == null) {
      return;
    }
    if (apiKey.length() < MIN_KEY_LENGTH) {
      errors.add("api_key", ErrorCode.VALUE_IS_TOO_SHORT.code());
    } else if (!apiKey.matches("[\\x21-\\x7e]+")) {
      errors.add("api_key", ErrorCode.VALUE_IS_INVALID.code());
    }
  }

  private static String keyOrGenerated(String apiKey) {
    return apiKey != null ? apiKey : ApiKeys.generate();
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("organization");
    }
  }
}
