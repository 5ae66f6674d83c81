// (b) A marketplace takes 2% + $0.30 per transaction: a percentage charge with a fixed amount per
// event, on a plan with no base fee.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  newOrganization, call, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

test("marketplace: 2% + $0.30 per transaction (percentage charge with fixed_amount)", async () => {
  const org = await newOrganization(`e2e-market-${uniq()}`);
  const { client } = org;
  const month = currentMonth();

  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "Payment volume", code: "gmv", aggregation_type: "sum_agg", field_name: "amount" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "Marketplace", code: "take-rate", interval: "monthly", amount_cents: 0, amount_currency: "USD", pay_in_advance: false,
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "percentage", properties: { rate: "2", fixed_amount: "0.30" } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "shopfront", name: "Shopfront", currency: "USD" } }));
  await subscribe(client, {
    external_customer_id: "shopfront", external_id: "shopfront-main", plan_code: "take-rate",
    subscription_at: month.start.toISOString(),
  });
  const amounts = ["100.00", "250.00", "49.99", "12.50"];
  await sendEvents(client, amounts.map((amount, i) => ({
    transaction_id: `order-${i + 1}`, code: "gmv", external_subscription_id: "shopfront-main",
    timestamp: inMonth(month, 5 + i), properties: { amount },
  })));

  // By hand: volume 100.00 + 250.00 + 49.99 + 12.50 = 412.49
  //   2% of 412.49 = 8.2498; 4 transactions x $0.30 = 1.20; 8.2498 + 1.20 = 9.4498 -> $9.45 (945 cents)
  const usage = await usageWhen(client, "shopfront", "shopfront-main", (u) => u.amount_cents === 945);
  const gmv = chargeUsage(usage, "gmv");
  assert.equal(Number(gmv.units), 412.49);
  assert.equal(gmv.events_count, 4);

  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [listed] = await invoicesOf(client, "shopfront");
  const inv = await invoice(client, listed.lago_id);
  const charge = inv.fees.filter((f) => f.item.type === "charge");
  assert.equal(charge.length, 1);
  assert.equal(charge[0].amount_cents, 945);
  assert.equal(Number(charge[0].units), 412.49);
  assert.equal(charge[0].events_count, 4);
  // no base fee: the subscription fee, if listed, is zero
  assert.ok(inv.fees.filter((f) => f.item.type === "subscription").every((f) => f.amount_cents === 0));
  assert.equal(inv.total_amount_cents, 945);
});
