package dev.billing.invoicing.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.invoicing.config.InvoicingConfig;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.contracts.PeriodFees;
import dev.billing.platform.contracts.PeriodFeesBatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * rating-service's internal fees API: the priced usage of a subscription's period, so that
 * invoicing never re-implements pricing.
 */
@ApplicationScoped
public class RatingFees {

  private static final Logger LOG = Logger.getLogger(RatingFees.class);

  /**
   * @param fees the period's fees
   */
  public record Response(PeriodFees fees) {}

  /** The fees API answered something else than 200. */
  public static final class RatingUnavailableException extends RuntimeException {
    RatingUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json;
  private final InvoicingConfig.Billing config;
  private final String token;

  public RatingFees(ObjectMapper json, InvoicingConfig config, PlatformConfig platform) {
    this.json = json;
    this.config = config.billing();
    this.token = platform.auth().adminToken().orElse("");
  }

  /**
   * The fees of the usage period holding {@code periodAt}, billed up to {@code billedTo} (the
   * period end, or a termination: it prorates spending-minimum true-ups).
   */
  public Uni<PeriodFees> of(UUID subscriptionId, Instant periodAt, Instant billedTo) {
    URI uri =
        URI.create(
            config.ratingUrl()
                + "/internal/v1/subscriptions/"
                + subscriptionId
                + "/fees?from="
                + encode(periodAt.toString())
                + "&to="
                + encode(billedTo.toString()));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.ratingTimeout())
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return Uni.createFrom()
        .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
        .onFailure()
        .transform(e -> new RatingUnavailableException("rating-service unreachable: " + uri, e))
        .map(response -> parse(uri, response));
  }

  /**
   * A usage period to price.
   *
   * @param subscriptionId the subscription
   * @param periodAt an instant of the usage period (its start)
   * @param billedTo billed up to: the period end, or a termination
   */
  public record Period(UUID subscriptionId, Instant periodAt, Instant billedTo) {}

  /**
   * The fees of many periods in one call ({@code POST /internal/v1/fees}), by period. A period
   * rating could not price is absent, and so is every period when the call fails: the caller asks
   * for those alone with {@link #of}, which says why.
   */
  public Uni<Map<Period, PeriodFees>> ofEach(List<Period> periods) {
    if (periods.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    URI uri = URI.create(config.ratingUrl() + "/internal/v1/fees");
    byte[] body;
    try {
      body =
          json.writeValueAsBytes(
              new PeriodFeesBatch(
                  periods.stream()
                      .map(
                          p ->
                              new PeriodFeesBatch.Period(
                                  p.subscriptionId().toString(),
                                  p.periodAt().toString(),
                                  p.billedTo().toString()))
                      .toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.ratingTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return Uni.createFrom()
        .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
        .map(response -> byPeriod(periods, parseBatch(uri, response)))
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("batched fees call failed, asking period by period: %s", e.getMessage());
              return Map.of();
            });
  }

  private List<PeriodFees> parseBatch(URI uri, HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new RatingUnavailableException(
          "rating-service answered " + response.statusCode() + " to " + uri, null);
    }
    try {
      return json.readValue(response.body(), PeriodFeesBatch.Response.class).fees();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Period, PeriodFees> byPeriod(List<Period> periods, List<PeriodFees> fees) {
    Map<Period, PeriodFees> byPeriod = new HashMap<>();
    for (int i = 0; i < periods.size() && i < fees.size(); i++) {
      if (fees.get(i) != null) {
        byPeriod.put(periods.get(i), fees.get(i));
      }
    }
    return byPeriod;
  }

  private PeriodFees parse(URI uri, HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new RatingUnavailableException(
          "rating-service answered "
              + response.statusCode()
              + " to "
              + uri
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8),
          null);
    }
    try {
      return json.readValue(response.body(), Response.class).fees();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
