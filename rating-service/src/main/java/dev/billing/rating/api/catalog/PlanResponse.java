package dev.billing.rating.api.catalog;

/**
 * Lago's {@code {"plan": {...}}}.
 *
 * @param plan the object
 */
public record PlanResponse(PlanJson plan) {}
