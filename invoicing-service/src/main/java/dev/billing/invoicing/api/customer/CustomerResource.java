package dev.billing.invoicing.api.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.invoicing.api.JsonBodies;
import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.domain.customer.CustomerChanges;
import dev.billing.invoicing.domain.customer.CustomerRules;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Lago's {@code /api/v1/customers}: the API key's organization's customers, by external id. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

  private final CustomerStore store;
  private final CurrentOrganization current;
  private final ObjectMapper mapper;

  public CustomerResource(CustomerStore store, CurrentOrganization current, ObjectMapper mapper) {
    this.store = store;
    this.current = current;
    this.mapper = mapper;
  }

  /**
   * {@code {"customer": {...}}}.
   *
   * @param customer the customer
   */
  public record CustomerResponse(CustomerJson customer) {}

  /**
   * {@code {"customers": [...], "meta": {...}}}.
   *
   * @param customers one page
   * @param meta Lago's pagination
   */
  public record ListResponse(List<CustomerJson> customers, PaginationMeta meta) {}

  /** Create-or-update by {@code external_id}; 200 either way, as Lago answers. */
  @POST
  public Uni<CustomerResponse> upsert(JsonNode body) {
    CustomerRequest request =
        body == null ? null : JsonBodies.read(mapper, body, CustomerRequest.class);
    if (request == null || request.customer() == null) {
      throw ApiException.missingRootKey("customer");
    }
    String externalId = request.customer().externalId();
    CustomerChanges changes = request.customer().toChanges(body.get("customer"));
    CustomerRules.validate(externalId, changes).throwIfAny();
    return store
        .upsert(current.id(), externalId.trim(), changes)
        .map(view -> new CustomerResponse(CustomerJson.of(view)));
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    return store
        .list(current.id(), request.perPage(), request.offset())
        .map(
            p ->
                new ListResponse(
                    p.items().stream().map(CustomerJson::of).toList(),
                    PaginationMeta.of(request, p.totalCount())));
  }

  @GET
  @Path("/{external_id}")
  public Uni<CustomerResponse> get(@PathParam("external_id") String externalId) {
    return store
        .find(current.id(), externalId)
        .map(view -> new CustomerResponse(CustomerJson.of(view)));
  }

  /** Deletes the customer (its subscriptions end) and answers with it as it was. */
  @DELETE
  @Path("/{external_id}")
  public Uni<CustomerResponse> delete(@PathParam("external_id") String externalId) {
    return store
        .delete(current.id(), externalId)
        .map(view -> new CustomerResponse(CustomerJson.of(view)));
  }
}
