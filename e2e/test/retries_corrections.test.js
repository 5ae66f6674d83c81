// (d) Retries of the same event bill once; a correction (same transaction_id, new content)
// replaces the earlier version before the period closes.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  newOrganization, call, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

test("retries bill once, a correction replaces the earlier version", async () => {
  const org = await newOrganization(`e2e-retry-${uniq()}`);
  const { client } = org;
  const month = currentMonth();

  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "API calls", code: "api_calls", aggregation_type: "sum_agg", field_name: "calls" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "API", code: "api", interval: "monthly", amount_cents: 0, amount_currency: "USD", pay_in_advance: false,
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "standard", properties: { amount: "0.01" } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "retry-co", currency: "USD" } }));
  await subscribe(client, {
    external_customer_id: "retry-co", external_id: "retry-sub", plan_code: "api", subscription_at: month.start.toISOString(),
  });
  const ev = (id, calls, minute) => ({
    transaction_id: id, code: "api_calls", external_subscription_id: "retry-sub", timestamp: inMonth(month, minute),
    properties: { calls },
  });

  // t-1 (100 calls) sent three times: once alone, twice more as retries (one of them in a batch)
  await call(client.events.createEvent({ event: ev("t-1", 100, 1) }));
  await call(client.events.createEvent({ event: ev("t-1", 100, 1) }));
  await sendEvents(client, [ev("t-1", 100, 1), ev("t-2", 50, 2)]);
  // By hand: t-1 counts once: 100 + 50 = 150 calls x $0.01 = $1.50
  let usage = await usageWhen(client, "retry-co", "retry-sub", (u) => u.amount_cents === 150);
  assert.equal(chargeUsage(usage, "api_calls").events_count, 2);

  // correction: t-2 is really 70 calls (and a retry of the correction changes nothing)
  await call(client.events.createEvent({ event: ev("t-2", 70, 2) }));
  await call(client.events.createEvent({ event: ev("t-2", 70, 2) }));
  // By hand: 100 + 70 = 170 calls x $0.01 = $1.70
  usage = await usageWhen(client, "retry-co", "retry-sub", (u) => u.amount_cents === 170);
  const calls = chargeUsage(usage, "api_calls");
  assert.equal(Number(calls.units), 170);
  assert.equal(calls.events_count, 2);
  const { event } = await call(client.events.findEvent("t-2"));
  assert.equal(Number(event.properties.calls), 70);

  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [listed] = await invoicesOf(client, "retry-co");
  const inv = await invoice(client, listed.lago_id);
  const fee = inv.fees.find((f) => f.item.type === "charge");
  assert.equal(Number(fee.units), 170);
  assert.equal(fee.amount_cents, 170);
  assert.equal(inv.total_amount_cents, 170);
});
