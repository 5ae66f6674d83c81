package dev.billing.rating.api.catalog;

import dev.billing.platform.api.PaginationMeta;
import java.util.List;

/**
 * Lago's {@code {"plans": [...], "meta": {...}}}.
 *
 * @param plans one page
 * @param meta Lago's pagination
 */
public record PlansResponse(List<PlanJson> plans, PaginationMeta meta) {}
