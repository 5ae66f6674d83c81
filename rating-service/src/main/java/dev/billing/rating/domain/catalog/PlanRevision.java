package dev.billing.rating.domain.catalog;

import java.time.Instant;

/**
 * A plan as one revision left it.
 *
 * @param view the plan
 * @param revision its revision
 * @param at when that revision was made
 */
public record PlanRevision(PlanView view, long revision, Instant at) {}
