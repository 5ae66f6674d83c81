package dev.billing.rating.app.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * The metrics a plan input names.
 *
 * @param ids by lago id
 * @param codes by code
 */
public record MetricRefs(Set<UUID> ids, Set<String> codes) {}
