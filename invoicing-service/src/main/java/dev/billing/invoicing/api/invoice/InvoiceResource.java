package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.app.billing.CreateOneOffInvoice;
import dev.billing.invoicing.app.billing.FinalizeInvoice;
import dev.billing.invoicing.app.billing.RefreshInvoice;
import dev.billing.invoicing.app.billing.VoidInvoice;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.invoice.InvoiceStatus;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.InvoiceRepository;
import dev.billing.invoicing.persistence.InvoiceRepository.Filter;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lago's {@code /api/v1/invoices}: create a one-off invoice, read, refresh or finalize a draft,
 * void a finalized invoice.
 */
@Path("/api/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

  private static final Set<String> STATUSES =
      Set.of(
          InvoiceStatus.DRAFT.wireName(),
          InvoiceStatus.FINALIZED.wireName(),
          InvoiceStatus.VOIDED.wireName());

  /**
   * @param invoice the invoice
   */
  public record InvoiceResponse(InvoiceJson invoice) {}

  /**
   * @param invoices one page, newest first
   * @param meta Lago's pagination
   */
  public record InvoicesResponse(List<InvoiceJson> invoices, PaginationMeta meta) {}

  private final CurrentOrganization organization;
  private final InvoiceRepository invoices;
  private final CustomerRepository customers;
  private final InvoiceViews views;
  private final FinalizeInvoice finalizeInvoice;
  private final VoidInvoice voidInvoice;
  private final RefreshInvoice refreshInvoice;
  private final CreateOneOffInvoice oneOff;
  private final Pool pool;

  public InvoiceResource(
      CurrentOrganization organization,
      InvoiceRepository invoices,
      CustomerRepository customers,
      InvoiceViews views,
      FinalizeInvoice finalizeInvoice,
      VoidInvoice voidInvoice,
      RefreshInvoice refreshInvoice,
      CreateOneOffInvoice oneOff,
      Pool pool) {
    this.organization = organization;
    this.invoices = invoices;
    this.customers = customers;
    this.views = views;
    this.finalizeInvoice = finalizeInvoice;
    this.voidInvoice = voidInvoice;
    this.refreshInvoice = refreshInvoice;
    this.oneOff = oneOff;
    this.pool = pool;
  }

  /** A one-off invoice of add-ons, finalized at once ({@code invoice.one_off_created}). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<InvoiceResponse> createOneOff(OneOffInvoiceRequest request) {
    if (request == null || request.invoice() == null) {
      throw ApiException.missingRootKey("invoice");
    }
    return oneOff
        .create(organization.id(), request.invoice().command())
        .flatMap(this::view)
        .map(InvoiceResponse::new);
  }

  @GET
  @Path("/{id}")
  public Uni<InvoiceResponse> get(@PathParam("id") String id) {
    return view(invoiceId(id)).map(InvoiceResponse::new);
  }

  @GET
  public Uni<InvoicesResponse> list(
      @QueryParam("external_customer_id") String externalCustomerId,
      @QueryParam("status") String status,
      @QueryParam("issuing_date_from") String issuingDateFrom,
      @QueryParam("issuing_date_to") String issuingDateTo,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    ValidationErrors errors = new ValidationErrors();
    if (status != null && !STATUSES.contains(status)) {
      errors.add("status", ErrorCode.VALUE_IS_INVALID.code());
    }
    LocalDate from = date(issuingDateFrom, "issuing_date_from", errors);
    LocalDate to = date(issuingDateTo, "issuing_date_to", errors);
    errors.throwIfAny();
    UUID org = organization.id();
    Uni<UUID> customerId =
        externalCustomerId == null
            ? Uni.createFrom().nullItem()
            : customers
                .find(pool, org, externalCustomerId)
                .map(c -> c.orElseThrow(() -> ApiException.notFound("customer")).id());
    return customerId.flatMap(
        customer -> {
          Filter filter = new Filter(org, customer, status, from, to);
          return invoices
              .count(pool, filter)
              .flatMap(
                  total ->
                      invoices
                          .list(pool, filter, request.perPage(), request.offset())
                          .flatMap(page1 -> views.of(pool, org, page1))
                          .map(
                              views ->
                                  new InvoicesResponse(views, PaginationMeta.of(request, total))));
        });
  }

  @PUT
  @Path("/{id}/finalize")
  public Uni<InvoiceResponse> finalizeInvoice(@PathParam("id") String id) {
    UUID invoiceId = invoiceId(id);
    return finalizeInvoice
        .apply(organization.id(), invoiceId)
        .chain(() -> view(invoiceId))
        .map(InvoiceResponse::new);
  }

  @PUT
  @Path("/{id}/refresh")
  public Uni<InvoiceResponse> refresh(@PathParam("id") String id) {
    UUID invoiceId = invoiceId(id);
    return refreshInvoice
        .apply(organization.id(), invoiceId)
        .chain(() -> view(invoiceId))
        .map(InvoiceResponse::new);
  }

  @POST
  @Path("/{id}/void")
  public Uni<InvoiceResponse> voidInvoice(@PathParam("id") String id) {
    UUID invoiceId = invoiceId(id);
    return voidInvoice
        .apply(organization.id(), invoiceId)
        .chain(() -> view(invoiceId))
        .map(InvoiceResponse::new);
  }

  private Uni<InvoiceJson> view(UUID id) {
    return views.byId(pool, organization.id(), id);
  }

  private static UUID invoiceId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("invoice");
    }
  }

  private static LocalDate date(String value, String field, ValidationErrors errors) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(field, ErrorCode.INVALID_DATE.code());
      return null;
    }
  }
}
