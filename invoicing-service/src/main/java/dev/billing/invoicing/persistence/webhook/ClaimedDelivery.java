package dev.billing.invoicing.persistence.webhook;

import dev.billing.invoicing.domain.webhook.SignatureAlgorithm;
import java.util.UUID;

/**
 * A delivery a dispatcher claimed for one attempt, with what it needs to send it.
 *
 * @param id the delivery id ({@code X-Lago-Unique-Key})
 * @param organizationId the tenant
 * @param endpointId the endpoint
 * @param url the endpoint's current URL
 * @param signatureAlgo the endpoint's current algorithm
 * @param hmacKey the organization's HMAC key
 * @param payload the exact body
 * @param attempt the number of this attempt (1 for the first)
 */
public record ClaimedDelivery(
    UUID id,
    UUID organizationId,
    UUID endpointId,
    String url,
    SignatureAlgorithm signatureAlgo,
    String hmacKey,
    String payload,
    int attempt) {}
