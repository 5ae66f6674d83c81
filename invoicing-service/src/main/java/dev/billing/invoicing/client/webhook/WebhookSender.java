package dev.billing.invoicing.client.webhook;

import dev.billing.invoicing.config.InvoicingConfig;
import dev.billing.invoicing.persistence.webhook.ClaimedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one delivery with Lago's headers ({@code X-Lago-Signature}, {@code
 * X-Lago-Signature-Algorithm}, {@code X-Lago-Unique-Key}) through the JDK's asynchronous HTTP
 * client: no thread waits for an endpoint, and each attempt ends after the configured timeout.
 */
@ApplicationScoped
public class WebhookSender {

  static final int MAX_ANSWER_BYTES = 1024;

  private final HttpClient client;
  private final Duration timeout;

  public WebhookSender(InvoicingConfig config) {
    this.timeout = config.webhooks().timeout();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public CompletionStage<AttemptOutcome> send(ClaimedDelivery delivery, String signature) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(delivery.url()))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "billing-webhooks")
              .header("X-Lago-Signature", signature)
              .header("X-Lago-Signature-Algorithm", delivery.signatureAlgo().code())
              .header("X-Lago-Unique-Key", delivery.id().toString())
              .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(AttemptOutcome.noAnswer("invalid URL"));
    }
    return client
        .sendAsync(request, LimitedBody.handler(MAX_ANSWER_BYTES))
        .orTimeout(timeout.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS)
        .handle(
            (response, error) ->
                error == null
                    ? AttemptOutcome.answered(response.statusCode(), response.body())
                    : AttemptOutcome.noAnswer(describe(error)));
  }

  static String describe(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return "timed out";
    }
    String message = cause.getMessage();
    if (message == null && cause.getCause() != null) {
      message = cause.getCause().toString();
    }
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
