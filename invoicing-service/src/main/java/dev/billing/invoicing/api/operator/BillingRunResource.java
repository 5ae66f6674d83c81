package dev.billing.invoicing.api.operator;

import dev.billing.invoicing.app.billing.FinalizeDueDrafts;
import dev.billing.invoicing.app.billing.RunBilling;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operator API: bill everything due as of an instant, then finalize the drafts whose grace period
 * ended by then. Catch-up after an outage, and how tests cross a period boundary without waiting.
 * Running it twice bills nothing twice.
 */
@Path("/admin/v1/billing_runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingRunResource {

  /**
   * @param billingRun the run to make
   */
  public record Request(RunInput billingRun) {}

  /**
   * @param asOf ISO-8601 instant
   * @param organizationId bill only this organization (optional)
   */
  public record RunInput(String asOf, String organizationId) {}

  /**
   * @param billingRun what the run did
   */
  public record Response(RunJson billingRun) {}

  /**
   * @param asOf the instant billed up to
   * @param subscriptionsChecked subscriptions looked at
   * @param invoicesCreated how many invoices it made
   * @param lagoInvoiceIds their ids
   * @param draftsFinalized drafts whose grace period ended
   * @param failures subscriptions left for the next run, with the reason
   */
  public record RunJson(
      Instant asOf,
      int subscriptionsChecked,
      int invoicesCreated,
      List<String> lagoInvoiceIds,
      int draftsFinalized,
      Map<String, String> failures) {}

  private final RunBilling billing;
  private final FinalizeDueDrafts drafts;

  public BillingRunResource(RunBilling billing, FinalizeDueDrafts drafts) {
    this.billing = billing;
    this.drafts = drafts;
  }

  @POST
  public Uni<Response> run(Request request) {
    if (request == null || request.billingRun() == null) {
      throw ApiException.missingRootKey("billing_run");
    }
    Instant asOf = asOf(request.billingRun().asOf());
    UUID organizationId = organizationId(request.billingRun().organizationId());
    return billing
        .asOf(asOf, organizationId)
        .flatMap(
            result ->
                drafts
                    .finalizeDue(asOf)
                    .map(
                        finalized ->
                            new Response(
                                new RunJson(
                                    asOf,
                                    result.subscriptionsChecked(),
                                    result.invoiceIds().size(),
                                    result.invoiceIds().stream().map(Object::toString).toList(),
                                    finalized,
                                    result.failures().entrySet().stream()
                                        .collect(
                                            java.util.stream.Collectors.toMap(
                                                e -> e.getKey().toString(),
                                                Map.Entry::getValue))))));
  }

  private static UUID organizationId(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ValidationErrors.single("organization_id", ErrorCode.VALUE_IS_INVALID.code());
    }
  }

  private static Instant asOf(String value) {
    if (value == null) {
      throw ValidationErrors.single("as_of", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ValidationErrors.single("as_of", ErrorCode.INVALID_DATE.code());
    }
  }
}
