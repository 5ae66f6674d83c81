package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.catalog.MetricRefs;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeCodes;
import dev.billing.rating.domain.catalog.MetricIndex;
import dev.billing.rating.domain.catalog.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The next state of a plan from Lago's inputs: a new plan, a plan update (its {@code charges}, when
 * given, replace the stored ones: matched by {@code id} they are updated, missing ones removed,
 * others created) and the single-charge edits of the charges routes. Throws Lago's 422 {@code
 * validation_errors}, or 404 for an unknown metric.
 */
final class PlanEdits {

  static final RatingErrorCode PLAN_ROUTES_METRIC = RatingErrorCode.BILLABLE_METRICS_NOT_FOUND;
  static final RatingErrorCode CHARGE_ROUTES_METRIC = RatingErrorCode.BILLABLE_METRIC_NOT_FOUND;

  private PlanEdits() {}

  /** The metrics named by a list of charge inputs. */
  static MetricRefs references(Object charges) {
    Set<UUID> ids = new HashSet<>();
    Set<String> codes = new HashSet<>();
    if (charges instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> charge = InputValues.object(item);
        if (charge != null) {
          UUID id = InputValues.uuid(charge.get("billable_metric_id"));
          if (id != null) {
            ids.add(id);
          }
          if (charge.get("billable_metric_code") instanceof String code) {
            codes.add(code);
          }
        }
      }
    }
    return new MetricRefs(ids, codes);
  }

  static Plan create(
      UUID organizationId, Map<String, Object> in, List<BillableMetric> metrics, Instant now) {
    ValidationErrors errors = new ValidationErrors();
    MetricIndex index = MetricIndex.of(metrics);
    List<Charge> charges = charges(List.of(), in.get("charges"), index, now, errors);
    PlanFields.Identity identity =
        new PlanFields.Identity(UUID.randomUUID(), organizationId, now, null);
    return plan(identity, in, charges, index, errors);
  }

  static Plan update(
      Plan current, Map<String, Object> in, List<BillableMetric> metrics, Instant now) {
    ValidationErrors errors = new ValidationErrors();
    MetricIndex index = MetricIndex.of(metrics);
    Map<String, Object> params = PlanFields.params(current);
    in.forEach(
        (key, value) -> {
          if (!key.equals("charges") && !key.equals("minimum_commitment")) {
            params.put(key, value);
          }
        });
    if (in.get("minimum_commitment") != null) {
      params.put(
          "minimum_commitment",
          PlanFields.mergeCommitment(current.minimumCommitment(), in.get("minimum_commitment")));
    }
    List<Charge> charges =
        in.get("charges") == null
            ? current.charges()
            : charges(current.charges(), in.get("charges"), index, now, errors);
    return plan(identity(current), params, charges, index, errors);
  }

  static Plan addCharge(
      Plan current,
      UUID chargeId,
      Map<String, Object> in,
      List<BillableMetric> metrics,
      Instant now) {
    ValidationErrors errors = new ValidationErrors();
    MetricIndex index = MetricIndex.of(metrics);
    List<Charge> charges = new ArrayList<>(current.charges());
    Charge added = ChargeInput.create(in, chargeId, index, CHARGE_ROUTES_METRIC, now, errors);
    if (added != null) {
      charges.add(added);
    }
    return plan(identity(current), PlanFields.params(current), charges, index, errors);
  }

  static Plan updateCharge(
      Plan current, Charge stored, Map<String, Object> in, List<BillableMetric> metrics) {
    ValidationErrors errors = new ValidationErrors();
    MetricIndex index = MetricIndex.of(metrics);
    List<Charge> charges = new ArrayList<>();
    for (Charge charge : current.charges()) {
      Charge next =
          charge.id().equals(stored.id())
              ? ChargeInput.update(stored, in, index, CHARGE_ROUTES_METRIC, errors)
              : charge;
      if (next != null) {
        charges.add(next);
      }
    }
    return plan(identity(current), PlanFields.params(current), charges, index, errors);
  }

  static Plan removeCharge(Plan current, Charge removed) {
    List<Charge> charges =
        current.charges().stream().filter(c -> !c.id().equals(removed.id())).toList();
    return plan(
        identity(current),
        PlanFields.params(current),
        charges,
        MetricIndex.of(List.of()),
        new ValidationErrors());
  }

  /** The live charge with this code in the plan; 404 {@code charge_not_found} otherwise. */
  static Charge charge(Plan plan, String code) {
    return plan.charges().stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new ApiException(RatingErrorCode.CHARGE_NOT_FOUND));
  }

  private static Plan plan(
      PlanFields.Identity identity,
      Map<String, Object> params,
      List<Charge> charges,
      MetricIndex index,
      ValidationErrors errors) {
    List<Charge> coded = errors.isEmpty() ? ChargeCodes.assign(charges, index, errors) : charges;
    Plan plan = PlanFields.read(identity, params, coded, errors);
    errors.throwIfAny();
    return plan;
  }

  private static PlanFields.Identity identity(Plan plan) {
    return new PlanFields.Identity(
        plan.id(), plan.organizationId(), plan.createdAt(), plan.minimumCommitment());
  }

  /** The charges a {@code charges} input makes, reusing the stored ones it names by id. */
  private static List<Charge> charges(
      List<Charge> stored, Object raw, MetricIndex index, Instant now, ValidationErrors errors) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> items)) {
      errors.add("charges", InputValues.INVALID);
      return List.of();
    }
    Map<UUID, Charge> storedById = new HashMap<>();
    stored.forEach(charge -> storedById.put(charge.id(), charge));
    List<Charge> charges = new ArrayList<>();
    for (Object item : items) {
      Map<String, Object> input = InputValues.object(item);
      if (input == null) {
        errors.add("charges", InputValues.INVALID);
        continue;
      }
      Charge match = storedById.remove(InputValues.uuid(input.get("id")));
      Charge charge =
          match != null
              ? ChargeInput.update(match, input, index, PLAN_ROUTES_METRIC, errors)
              : ChargeInput.create(
                  input, UUID.randomUUID(), index, PLAN_ROUTES_METRIC, now, errors);
      if (charge != null) {
        charges.add(charge);
      }
    }
    return charges;
  }
}
