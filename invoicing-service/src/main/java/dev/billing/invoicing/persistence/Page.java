package dev.billing.invoicing.persistence;

import java.util.List;

/**
 * One page of a list and the size of the whole list.
 *
 * @param items this page
 * @param totalCount items over all pages
 */
public record Page<T>(List<T> items, long totalCount) {}
