package dev.billing.platform.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Lago's list {@code meta}: pages are 1-based; an empty collection has {@code current_page} and
 * {@code total_pages} 0; {@code next_page} and {@code prev_page} are null at the ends.
 */
public record PaginationMeta(
    @JsonProperty("current_page") int currentPage,
    @JsonProperty("next_page") Integer nextPage,
    @JsonProperty("prev_page") Integer prevPage,
    @JsonProperty("total_pages") int totalPages,
    @JsonProperty("total_count") long totalCount) {

  public static PaginationMeta of(PageRequest page, long totalCount) {
    if (totalCount == 0) {
      return new PaginationMeta(0, null, null, 0, 0);
    }
    int totalPages = (int) ((totalCount + page.perPage() - 1) / page.perPage());
    int current = page.page();
    return new PaginationMeta(
        current,
        current < totalPages ? current + 1 : null,
        current > 1 ? current - 1 : null,
        totalPages,
        totalCount);
  }
}
