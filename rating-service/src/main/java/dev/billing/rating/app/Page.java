package dev.billing.rating.app;

import java.util.List;

/**
 * One page of a list and the size of the whole list.
 *
 * @param items the page
 * @param totalCount items in the whole list
 */
public record Page<T>(List<T> items, long totalCount) {}
