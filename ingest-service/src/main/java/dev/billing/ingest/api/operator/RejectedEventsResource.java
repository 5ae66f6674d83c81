package dev.billing.ingest.api.operator;

import dev.billing.ingest.app.ReplayRejectedEvent;
import dev.billing.ingest.persistence.RejectedEventRepository;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
 * Operator API: messages of {@code billing.events.inbound} that were rejected, by organization and
 * reason, and their replay once the cause is fixed (e.g. the organization now exists).
 */
@Path("/admin/v1/rejected_events")
@Produces(MediaType.APPLICATION_JSON)
public class RejectedEventsResource {

  private final RejectedEventRepository repository;
  private final ReplayRejectedEvent replay;
  private final Pool pool;

  public RejectedEventsResource(
      RejectedEventRepository repository, ReplayRejectedEvent replay, Pool pool) {
    this.repository = repository;
    this.replay = replay;
    this.pool = pool;
  }

  /**
   * @param rejectedEvents one page, newest first
   * @param meta Lago's pagination
   */
  public record ListResponse(List<RejectedEventJson> rejectedEvents, PaginationMeta meta) {}

  /**
   * @param rejectedEvent the replayed rejection
   */
  public record ReplayResponse(RejectedEventJson rejectedEvent) {}

  @GET
  public Uni<ListResponse> list(
      @QueryParam("organization_id") String organizationId,
      @QueryParam("reason") String reason,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    UUID org = organizationId == null ? null : uuid(organizationId, "organization_id");
    return repository
        .count(pool, org, reason)
        .flatMap(
            total ->
                repository
                    .list(pool, org, reason, request.perPage(), request.offset())
                    .map(
                        rows ->
                            new ListResponse(
                                rows.stream().map(RejectedEventJson::of).toList(),
                                PaginationMeta.of(request, total))));
  }

  @POST
  @Path("/{id}/replay")
  public Uni<ReplayResponse> replay(@PathParam("id") String id) {
    UUID rejectedId;
    try {
      rejectedId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("rejected_event");
    }
    return replay.replay(rejectedId).map(r -> new ReplayResponse(RejectedEventJson.of(r)));
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ValidationErrors.single(field, "value_is_invalid");
    }
  }
}
