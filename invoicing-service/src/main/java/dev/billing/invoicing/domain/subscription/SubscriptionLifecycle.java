package dev.billing.invoicing.domain.subscription;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.billing.PlanChange;
import dev.billing.invoicing.domain.billing.Trial;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.error.ValidationErrors;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Lago's subscription life cycle, as pure functions of the current state and "now": creation, plan
 * change (upgrade now, downgrade at the end of the period), activation, termination, cancelation.
 */
public final class SubscriptionLifecycle {

  private SubscriptionLifecycle() {}

  /**
   * The line as it stands.
   *
   * @param active its active subscription and that one's plan, if any
   * @param activePlan the plan of {@code active}
   * @param pending its pending subscription (future start or downgrade), if any
   */
  public record Line(
      Optional<Subscription> active, Plan activePlan, Optional<Subscription> pending) {
    public static Line empty() {
      return new Line(Optional.empty(), null, Optional.empty());
    }
  }

  /**
   * {@code POST /subscriptions}: a new line, the same plan again (nothing changes), or a plan
   * change of the line {@code external_id} names.
   */
  public static SubscriptionChange create(
      CreateRequest request,
      UUID organizationId,
      UUID customerId,
      Plan plan,
      Line line,
      ZoneId zone,
      Instant now,
      Supplier<UUID> ids) {
    if (line.active().isPresent()) {
      Subscription active = line.active().get();
      if (active.planId().equals(plan.id())) {
        return SubscriptionChange.unchanged(active);
      }
      return changePlan(active, line.activePlan(), line.pending(), plan, request, zone, now, ids);
    }
    if (line.pending().isPresent()) {
      Subscription pending = line.pending().get();
      if (pending.planId().equals(plan.id())) {
        return SubscriptionChange.unchanged(pending);
      }
      Subscription replanned =
          pending.toBuilder()
              .revision(pending.revision() + 1)
              .planId(plan.id())
              .planCode(plan.code())
              .name(request.name() != null ? request.name() : pending.name())
              .startedAt(null)
              .trialEndedAt(null)
              .terminatedAt(null)
              .canceledAt(null)
              .nextId(null)
              .updatedAt(now)
              .build();
      return new SubscriptionChange(List.of(replanned), replanned);
    }
    validateEndingAt(request.endingAt(), request.subscriptionAt(), now).throwIfAny();
    // Lago's event timestamps are Unix seconds: a subscription started "now" starts at the
    // current second, so an event stamped with that second is inside it
    Instant subscriptionAt =
        request.subscriptionAt() != null
            ? request.subscriptionAt()
            : now.truncatedTo(ChronoUnit.SECONDS);
    boolean startsNow = !subscriptionAt.isAfter(now);
    Subscription created =
        new Subscription(
            ids.get(),
            organizationId,
            1,
            request.externalId(),
            customerId,
            plan.id(),
            plan.code(),
            request.name(),
            startsNow ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PENDING,
            request.billingTime(),
            subscriptionAt,
            startsNow ? null : subscriptionAt,
            startsNow ? subscriptionAt : null,
            startsNow ? Trial.endOf(subscriptionAt, plan.trialPeriodDays()).orElse(null) : null,
            request.endingAt(),
            null,
            null,
            null,
            null,
            Subscription.GENERATE,
            null,
            now,
            now);
    return new SubscriptionChange(List.of(created), created);
  }

  /**
   * A new plan on an active line. An upgrade (the new plan costs at least as much per year) ends
   * the active subscription now and starts the new one now; a downgrade makes the new one pending
   * until the end of the current period. Either way a previously scheduled downgrade is canceled.
   */
  static SubscriptionChange changePlan(
      Subscription active,
      Plan activePlan,
      Optional<Subscription> pending,
      Plan next,
      CreateRequest request,
      ZoneId zone,
      Instant now,
      Supplier<UUID> ids) {
    List<Subscription> writes = new ArrayList<>();
    pending.ifPresent(p -> writes.add(canceled(p, now)));
    boolean upgrade = PlanChange.isUpgrade(activePlan.terms(), next.terms());
    Instant effective =
        upgrade
            ? now
            : BillingPeriods.nextBoundaryAfter(
                activePlan.interval(), active.billingTime(), active.subscriptionAt(), now, zone);
    UUID nextId = ids.get();
    Subscription successor =
        new Subscription(
            nextId,
            active.organizationId(),
            1,
            active.externalId(),
            active.customerId(),
            next.id(),
            next.code(),
            request.name() != null ? request.name() : active.name(),
            upgrade ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PENDING,
            active.billingTime(),
            active.subscriptionAt(),
            upgrade ? null : effective,
            upgrade ? effective : null,
            null,
            request.endingAt() != null ? request.endingAt() : active.endingAt(),
            null,
            null,
            active.id(),
            null,
            active.onTerminationInvoice(),
            active.onTerminationCreditNote(),
            now,
            now);
    Subscription replaced =
        upgrade
            ? active.with(
                SubscriptionStatus.TERMINATED, null, active.startedAt(), now, null, nextId, now)
            : active.with(
                SubscriptionStatus.ACTIVE, null, active.startedAt(), null, null, nextId, now);
    writes.add(replaced);
    writes.add(successor);
    return new SubscriptionChange(writes, upgrade ? successor : replaced);
  }

  /**
   * {@code DELETE /subscriptions/{id}}: an active subscription is terminated now (and a downgrade
   * it scheduled canceled); a pending one is canceled.
   */
  public static SubscriptionChange terminate(
      Subscription subscription,
      Optional<Subscription> scheduledNext,
      String onTerminationInvoice,
      String onTerminationCreditNote,
      Instant now) {
    if (subscription.isPending()) {
      Subscription canceled = canceled(subscription, now);
      return new SubscriptionChange(List.of(canceled), canceled);
    }
    List<Subscription> writes = new ArrayList<>();
    scheduledNext.filter(Subscription::isPending).ifPresent(p -> writes.add(canceled(p, now)));
    Subscription withChoices =
        subscription.edited(
            subscription.name(),
            subscription.subscriptionAt(),
            subscription.activateAt(),
            subscription.trialEndedAt(),
            subscription.endingAt(),
            onTerminationInvoice != null
                ? onTerminationInvoice
                : subscription.onTerminationInvoice(),
            onTerminationCreditNote != null
                ? onTerminationCreditNote
                : subscription.onTerminationCreditNote(),
            now);
    Subscription terminated =
        withChoices.toBuilder()
            .revision(subscription.revision() + 1)
            .status(SubscriptionStatus.TERMINATED)
            .activateAt(null)
            .terminatedAt(now)
            .canceledAt(null)
            .nextId(
                scheduledNext.filter(Subscription::isPending).isPresent()
                    ? null
                    : withChoices.nextId())
            .updatedAt(now)
            .build();
    writes.add(terminated);
    return new SubscriptionChange(writes, terminated);
  }

  /**
   * A pending subscription whose time came: it becomes active at {@code activate_at}; for a
   * downgrade, the subscription it replaces ends at the same instant.
   */
  public static SubscriptionChange activate(
      Subscription pending, Optional<Subscription> replaced, Plan plan, Instant now) {
    Instant at = pending.activateAt();
    List<Subscription> writes = new ArrayList<>();
    replaced
        .filter(Subscription::isActive)
        .ifPresent(
            r ->
                writes.add(
                    r.with(
                        SubscriptionStatus.TERMINATED,
                        null,
                        r.startedAt(),
                        at,
                        null,
                        r.nextId(),
                        now)));
    // a new line gets the plan's trial; a downgrade does not (Lago: first subscription only)
    Instant trialEnd =
        pending.previousId() == null ? Trial.endOf(at, plan.trialPeriodDays()).orElse(null) : null;
    Subscription active =
        pending
            .with(SubscriptionStatus.ACTIVE, null, at, null, null, null, now)
            .edited(
                pending.name(),
                pending.subscriptionAt(),
                null,
                trialEnd,
                pending.endingAt(),
                pending.onTerminationInvoice(),
                pending.onTerminationCreditNote(),
                now);
    writes.add(withRevision(active, pending.revision() + 1));
    return new SubscriptionChange(writes, writes.get(writes.size() - 1));
  }

  /** An active subscription whose {@code ending_at} passed: terminated at that instant. */
  public static SubscriptionChange end(
      Subscription active, Optional<Subscription> scheduledNext, Instant now) {
    List<Subscription> writes = new ArrayList<>();
    scheduledNext.filter(Subscription::isPending).ifPresent(p -> writes.add(canceled(p, now)));
    Subscription ended =
        active.with(
            SubscriptionStatus.TERMINATED,
            null,
            active.startedAt(),
            active.endingAt(),
            null,
            null,
            now);
    writes.add(ended);
    return new SubscriptionChange(writes, ended);
  }

  /**
   * {@code PUT /subscriptions/{id}}: name, ending date, and for a pending new line its start. A
   * start moved to now or the past activates it at once.
   *
   * @param name new name, or null to keep it
   * @param endingAt new ending date; empty clears it; null keeps it
   * @param subscriptionAt new start (pending new lines only), or null
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public static SubscriptionChange update(
      Subscription s,
      Plan plan,
      String name,
      Optional<Instant> endingAt,
      Instant subscriptionAt,
      Instant now) {
    ValidationErrors errors = new ValidationErrors();
    if (subscriptionAt != null && !(s.isPending() && s.previousId() == null)) {
      errors.add("subscription_at", ErrorCode.VALUE_IS_INVALID.code());
    }
    Instant newStart = subscriptionAt != null ? subscriptionAt : s.subscriptionAt();
    Instant newEnd = endingAt == null ? s.endingAt() : endingAt.orElse(null);
    if (endingAt != null && endingAt.isPresent()) {
      errors = merge(errors, validateEndingAt(newEnd, newStart, now));
    }
    errors.throwIfAny();
    Subscription edited =
        s.edited(
            name != null ? name : s.name(),
            newStart,
            s.isPending() && s.previousId() == null ? newStart : s.activateAt(),
            s.trialEndedAt(),
            newEnd,
            s.onTerminationInvoice(),
            s.onTerminationCreditNote(),
            now);
    if (edited.isPending() && edited.previousId() == null && !newStart.isAfter(now)) {
      SubscriptionChange activated = activate(edited, Optional.empty(), plan, now);
      Subscription result = withRevision(activated.result(), s.revision() + 1);
      return new SubscriptionChange(List.of(result), result);
    }
    return new SubscriptionChange(List.of(edited), edited);
  }

  /** Lago: an ending date must be in the future and after the start. */
  static ValidationErrors validateEndingAt(Instant endingAt, Instant subscriptionAt, Instant now) {
    ValidationErrors errors = new ValidationErrors();
    if (endingAt != null
        && (!endingAt.isAfter(now)
            || (subscriptionAt != null && !endingAt.isAfter(subscriptionAt)))) {
      errors.add("ending_at", ErrorCode.INVALID_DATE.code());
    }
    return errors;
  }

  private static Subscription canceled(Subscription pending, Instant now) {
    return pending.with(SubscriptionStatus.CANCELED, null, null, null, now, null, now);
  }

  private static Subscription withRevision(Subscription s, long revision) {
    return s.toBuilder().revision(revision).build();
  }

  private static ValidationErrors merge(ValidationErrors into, ValidationErrors more) {
    more.details().forEach((field, codes) -> codes.forEach(code -> into.add(field, code)));
    return into;
  }
}
