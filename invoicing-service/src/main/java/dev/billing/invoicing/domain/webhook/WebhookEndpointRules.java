package dev.billing.invoicing.domain.webhook;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.error.ValidationErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Lago's validations of a webhook endpoint, with its error codes. */
public final class WebhookEndpointRules {

  /** Lago's {@code WebhookEndpoint::LIMIT}. */
  public static final int MAX_ENDPOINTS_PER_ORGANIZATION = 10;

  private WebhookEndpointRules() {}

  /**
   * Checks the fields of a create or update; null arguments are "not given".
   *
   * @param webhookUrl the URL (required on create: the caller passes the effective value)
   * @param signatureAlgo the algorithm's code, or null
   * @param eventTypes the subscribed types, or null for all
   */
  public static ValidationErrors validate(
      String webhookUrl, String signatureAlgo, List<String> eventTypes) {
    ValidationErrors errors = new ValidationErrors();
    if (webhookUrl == null || webhookUrl.isBlank()) {
      errors.add("webhook_url", ErrorCode.VALUE_IS_MANDATORY.code());
    } else if (!isHttpUrl(webhookUrl)) {
      errors.add("webhook_url", ErrorCode.URL_IS_INVALID.code());
    }
    if (signatureAlgo != null && SignatureAlgorithm.fromCode(signatureAlgo).isEmpty()) {
      errors.add("signature_algo", ErrorCode.VALUE_IS_INVALID.code());
    }
    validateEventTypes(eventTypes, errors);
    return errors;
  }

  /** Every subscribed type must be one of Lago's; null (all types) is valid. */
  public static void validateEventTypes(List<String> eventTypes, ValidationErrors errors) {
    if (eventTypes != null
        && eventTypes.stream().anyMatch(type -> type == null || !WebhookTypes.isKnown(type))) {
      errors.add("event_types", ErrorCode.VALUE_IS_INVALID.code());
    }
  }

  /** An absolute http or https URL with a host, as Lago's URL validator wants. */
  public static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
