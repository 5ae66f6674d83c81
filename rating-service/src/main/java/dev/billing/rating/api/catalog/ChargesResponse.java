package dev.billing.rating.api.catalog;

import dev.billing.platform.api.PaginationMeta;
import java.util.List;

/**
 * Lago's {@code {"charges": [...], "meta": {...}}}.
 *
 * @param charges one page
 * @param meta Lago's pagination
 */
public record ChargesResponse(List<ChargeJson> charges, PaginationMeta meta) {}
