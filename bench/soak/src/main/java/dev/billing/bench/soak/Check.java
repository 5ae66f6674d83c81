package dev.billing.bench.soak;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recount: every acknowledged event once, by subscription, against what the services show —
 * current usage per charge (events, units, amount) through the API, the ledger and aggregates in
 * rating's schema, and each customer's invoice total.
 */
final class Check {

  /**
   * @param lost acknowledged events missing from the counts
   * @param doubleCounted events counted above the recount
   * @param otherMismatches charges whose units or amount differ although their events match
   */
  record Usage(long lost, long doubleCounted, long otherMismatches) {}

  private final Setup setup;
  private final String jdbcUrl;
  private final Expected.Tally[] tallies;
  private final long acknowledged;

  Check(Setup setup, Workload workload, BitSet acknowledged, String jdbcUrl) {
    this.setup = setup;
    this.jdbcUrl = jdbcUrl;
    this.acknowledged = acknowledged.cardinality();
    tallies = new Expected.Tally[setup.subscriptions()];
    for (int s = 0; s < tallies.length; s++) {
      tallies[s] = new Expected.Tally();
    }
    acknowledged.stream()
        .forEach(
            i -> {
              Workload.Event e = workload.event(i);
              tallies[e.subscription()].add(e);
            });
  }

  /** Waits (bounded) until rating's aggregates hold as many events as were acknowledged. */
  void awaitMetered(int seconds) throws Exception {
    long started = System.nanoTime();
    long deadline = started + seconds * 1_000_000_000L;
    long metered = -1;
    while (System.nanoTime() < deadline) {
      metered =
          single(
              "SELECT coalesce(sum(events_count), 0) FROM rating.usage_aggregates"
                  + " WHERE organization_id = ?::uuid");
      if (metered >= acknowledged) {
        break;
      }
      Thread.sleep(500);
    }
    Thread.sleep(3000); // a batch in flight may still add to a count above the recount
    long ledger = single("SELECT count(*) FROM rating.events WHERE organization_id = ?::uuid");
    metered =
        single(
            "SELECT coalesce(sum(events_count), 0) FROM rating.usage_aggregates"
                + " WHERE organization_id = ?::uuid");
    System.out.printf(
        "BENCH metered_wait_s=%.1f acknowledged=%d ledger_rows=%d aggregated_events=%d%n",
        (System.nanoTime() - started) / 1e9, acknowledged, ledger, metered);
  }

  /** Current usage of every subscription, charge by charge, against the recount. */
  Usage usage() throws Exception {
    long lost = 0;
    long doubled = 0;
    long other = 0;
    long counted = 0;
    for (int s = 0; s < tallies.length; s++) {
      Expected.Tally expected = tallies[s];
      Map<?, ?> usage =
          (Map<?, ?>)
              setup
                  .edge()
                  .ok(
                      "GET",
                      "/api/v1/customers/"
                          + Workload.customerId(s)
                          + "/current_usage?external_subscription_id="
                          + Workload.subscriptionId(s),
                      null)
                  .get("customer_usage");
      Map<String, Long> cents = expected.chargeCents();
      for (Object c : (List<?>) usage.get("charges_usage")) {
        Map<?, ?> charge = (Map<?, ?>) c;
        String code = (String) ((Map<?, ?>) charge.get("billable_metric")).get("code");
        long events = ((Number) charge.get("events_count")).longValue();
        long want = expected.events(code);
        counted += events;
        lost += Math.max(0, want - events);
        doubled += Math.max(0, events - want);
        BigDecimal units = new BigDecimal((String) charge.get("units"));
        long amount = ((Number) charge.get("amount_cents")).longValue();
        boolean unitsOk = units.compareTo(expected.units(code)) == 0;
        boolean amountOk = amount == cents.get(code);
        if ("tokens".equals(code)) {
          for (Object f : (List<?>) charge.get("filters")) {
            Map<?, ?> filter = (Map<?, ?>) f;
            List<?> model = (List<?>) ((Map<?, ?>) filter.get("values")).get("model");
            if (model != null && !model.isEmpty()) {
              BigDecimal filterUnits = new BigDecimal((String) filter.get("units"));
              unitsOk &=
                  filterUnits.compareTo(
                          expected.tokenUnits.getOrDefault((String) model.get(0), BigDecimal.ZERO))
                      == 0;
            }
          }
        }
        if (events == want && !(unitsOk && amountOk)) {
          other++;
        }
        if (events != want || !unitsOk || !amountOk) {
          Soak.log(
              "usage mismatch %s %s: events %d (recount %d), units %s (%s), amount_cents %d (%d)",
              Workload.subscriptionId(s),
              code,
              events,
              want,
              units.toPlainString(),
              expected.units(code).toPlainString(),
              amount,
              cents.get(code));
        }
      }
    }
    System.out.printf(
        "BENCH usage subscriptions=%d events_recounted=%d events_in_current_usage=%d"
            + " lost=%d double_counted=%d units_or_amount_mismatches=%d%n",
        tallies.length, acknowledged, counted, lost, doubled, other);
    return new Usage(lost, doubled, other);
  }

  int subscriptions() {
    return tallies.length;
  }

  Expected.Tally tally(int subscription) {
    return tallies[subscription];
  }

  long invoiceCount() throws Exception {
    return single("SELECT count(*) FROM invoicing.invoices WHERE organization_id = ?::uuid");
  }

  /**
   * Customers without exactly one invoice (not voided) whose total is the recount's; every invoice
   * listed goes into {@code listed} by its id.
   */
  int invoices(Map<String, Map<?, ?>> listedById) throws Exception {
    int mismatches = 0;
    Set<Object> numbers = new HashSet<>();
    int duplicateNumbers = 0;
    long expectedCents = 0;
    long billedCents = 0;
    int invoices = 0;
    for (int s = 0; s < tallies.length; s++) {
      long want = tallies[s].invoiceCents();
      expectedCents += want;
      List<?> listed =
          (List<?>)
              setup
                  .edge()
                  .ok(
                      "GET",
                      "/api/v1/invoices?external_customer_id=" + Workload.customerId(s),
                      null)
                  .get("invoices");
      long total = 0;
      int live = 0;
      for (Object i : listed) {
        Map<?, ?> invoice = (Map<?, ?>) i;
        listedById.put((String) invoice.get("lago_id"), invoice);
        duplicateNumbers += numbers.add(invoice.get("number")) ? 0 : 1;
        if (!"voided".equals(invoice.get("status"))) {
          live++;
          total += ((Number) invoice.get("total_amount_cents")).longValue();
        }
      }
      invoices += live;
      billedCents += total;
      if (live != 1 || total != want) {
        mismatches++;
        Soak.log(
            "invoice mismatch %s: %d invoices, total %d cents, recount %d cents (charges %s)",
            Workload.customerId(s), live, total, want, tallies[s].chargeCents());
        for (Object i : listed) {
          Map<?, ?> full =
              (Map<?, ?>)
                  setup
                      .edge()
                      .ok("GET", "/api/v1/invoices/" + ((Map<?, ?>) i).get("lago_id"), null)
                      .get("invoice");
          for (Object f : (List<?>) full.get("fees")) {
            Map<?, ?> fee = (Map<?, ?>) f;
            Soak.log(
                "  fee %s units=%s events=%s amount_cents=%s",
                fee.get("item"),
                fee.get("units"),
                fee.get("events_count"),
                fee.get("amount_cents"));
          }
        }
      }
    }
    System.out.printf(
        "BENCH invoices customers=%d invoices=%d expected_cents=%d billed_cents=%d"
            + " duplicate_numbers=%d mismatches=%d%n",
        tallies.length, invoices, expectedCents, billedCents, duplicateNumbers, mismatches);
    return mismatches + duplicateNumbers;
  }

  private long single(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, setup.organizationId());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
