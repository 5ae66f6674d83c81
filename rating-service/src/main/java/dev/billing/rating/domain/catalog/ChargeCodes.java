package dev.billing.rating.domain.catalog;

import dev.billing.platform.error.ValidationErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Charge codes are unique within a plan ({@code code: value_already_exist}). A charge given none
 * gets its metric's code, suffixed {@code _2}, {@code _3}... when that is taken, as Lago generates
 * them.
 */
public final class ChargeCodes {

  private ChargeCodes() {}

  public static List<Charge> assign(
      List<Charge> charges, MetricIndex metrics, ValidationErrors errors) {
    Set<String> taken = new HashSet<>();
    for (Charge charge : charges) {
      if (charge.code() != null && !taken.add(charge.code())) {
        errors.add("code", "value_already_exist");
      }
    }
    List<Charge> coded = new ArrayList<>();
    for (Charge charge : charges) {
      if (charge.code() != null) {
        coded.add(charge);
        continue;
      }
      String base = metrics.byId().get(charge.billableMetricId()).code();
      String code = base;
      for (int suffix = 2; taken.contains(code); suffix++) {
        code = base + "_" + suffix;
      }
      taken.add(code);
      coded.add(charge.withCode(code));
    }
    return coded;
  }
}
