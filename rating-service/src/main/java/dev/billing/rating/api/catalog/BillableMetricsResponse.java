package dev.billing.rating.api.catalog;

import dev.billing.platform.api.PaginationMeta;
import java.util.List;

/**
 * Lago's {@code {"billable_metrics": [...], "meta": {...}}}.
 *
 * @param billableMetrics one page
 * @param meta Lago's pagination
 */
public record BillableMetricsResponse(
    List<BillableMetricJson> billableMetrics, PaginationMeta meta) {}
