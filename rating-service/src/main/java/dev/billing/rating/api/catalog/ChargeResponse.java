package dev.billing.rating.api.catalog;

/**
 * Lago's {@code {"charge": {...}}}.
 *
 * @param charge the object
 */
public record ChargeResponse(ChargeJson charge) {}
