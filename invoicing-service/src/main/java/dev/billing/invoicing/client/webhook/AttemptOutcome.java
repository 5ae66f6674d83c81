package dev.billing.invoicing.client.webhook;

/**
 * What one attempt to deliver a webhook gave.
 *
 * @param succeeded the endpoint answered 2xx
 * @param httpStatus its status, or null when it did not answer
 * @param error why it failed (the start of the answer, or the network error), or null
 */
public record AttemptOutcome(boolean succeeded, Integer httpStatus, String error) {

  static final int MAX_ERROR_LENGTH = 1000;

  static AttemptOutcome answered(int status, String body) {
    boolean ok = status >= 200 && status < 300;
    return new AttemptOutcome(ok, status, ok ? null : truncate("HTTP " + status + ": " + body));
  }

  static AttemptOutcome noAnswer(String error) {
    return new AttemptOutcome(false, null, truncate(error));
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
