package dev.billing.invoicing.api.organization;

/**
 * Lago's {@code {"organization": {...}}}.
 *
 * @param organization the organization
 */
public record OrganizationResponse(OrganizationJson organization) {}
