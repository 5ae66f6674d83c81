// Storage billed on the time-weighted GB over the month (weighted_sum_agg): each event changes the
// stored amount by its value, and the month's units are GB x (seconds held / seconds of the month).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  newOrganization, call, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

test("cloud storage: weighted sum of GB over the month", async () => {
  const org = await newOrganization(`e2e-weighted-${uniq()}`);
  const { client } = org;
  const month = currentMonth();
  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "Storage GB-month", code: "storage_gb_month", aggregation_type: "weighted_sum_agg", field_name: "gb", weighted_interval: "seconds" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "Storage", code: "storage", interval: "monthly", amount_cents: 0, amount_currency: "USD", pay_in_advance: false,
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "standard", properties: { amount: "0.02" } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "archiver", currency: "USD" } }));
  await subscribe(client, { external_customer_id: "archiver", external_id: "archiver-sub", plan_code: "storage", subscription_at: month.start.toISOString() });
  await sendEvents(client, [
    { transaction_id: "w-1", code: "storage_gb_month", external_subscription_id: "archiver-sub", timestamp: inMonth(month, 0), properties: { gb: 100 } },
    { transaction_id: "w-2", code: "storage_gb_month", external_subscription_id: "archiver-sub", timestamp: inMonth(month, 6 * 60), properties: { gb: 60 } },
  ]);
  await usageWhen(client, "archiver", "archiver-sub", (u) => chargeUsage(u, "storage_gb_month")?.events_count === 2);

  // By hand, with D the month's length in hours (720 for 30 days, 744 for 31, ...):
  //   100 GB held the whole month = 100; +60 GB from hour 6 = 60 x (D - 6) / D
  //   30-day month: 100 + 60 x 714/720 = 159.5 GB-month x $0.02 = $3.19 (319 cents)
  const hours = (month.next - month.start) / 3_600_000;
  const units = 100 + (60 * (hours - 6)) / hours;
  const cents = Math.round(units * 0.02 * 100 + 1e-9);
  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [listed] = await invoicesOf(client, "archiver");
  const inv = await invoice(client, listed.lago_id);
  const fee = inv.fees.find((f) => f.item.type === "charge");
  assert.ok(Math.abs(Number(fee.units) - units) < 1e-4, `units ${fee.units} vs ${units}`);
  assert.equal(fee.amount_cents, cents);
  if (hours === 720) assert.equal(fee.amount_cents, 319);
  assert.equal(inv.total_amount_cents, cents);
});
