// (e) Two organizations with the same codes, customer ids, subscription ids and transaction ids:
// each sees and bills only its own data.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  newOrganization, call, statusOf, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

async function setUp(org, month, perCall, calls) {
  const { client } = org;
  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "Calls", code: "calls", aggregation_type: "sum_agg", field_name: "n" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "Basic", code: "basic", interval: "monthly", amount_cents: 0, amount_currency: "USD", pay_in_advance: false,
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "standard", properties: { amount: perCall } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "same-customer", name: org.name, currency: "USD" } }));
  await subscribe(client, {
    external_customer_id: "same-customer", external_id: "same-sub", plan_code: "basic", subscription_at: month.start.toISOString(),
  });
  await sendEvents(client, calls.map((n, i) => ({
    transaction_id: `same-tx-${i + 1}`, code: "calls", external_subscription_id: "same-sub",
    timestamp: inMonth(month, i + 1), properties: { n },
  })));
}

test("a second organization sees none of the first one's data", async () => {
  const month = currentMonth();
  const [a, b] = await Promise.all([newOrganization(`e2e-iso-a-${uniq()}`), newOrganization(`e2e-iso-b-${uniq()}`)]);
  // By hand: A: (10 + 20 + 30) calls x $0.10 = $6.00; B: 1 call x $0.25 = $0.25
  await Promise.all([setUp(a, month, "0.10", [10, 20, 30]), setUp(b, month, "0.25", [1])]);
  const usageA = await usageWhen(a.client, "same-customer", "same-sub", (u) => u.amount_cents === 600);
  const usageB = await usageWhen(b.client, "same-customer", "same-sub", (u) => u.amount_cents === 25);
  assert.equal(Number(chargeUsage(usageA, "calls").units), 60);
  assert.equal(Number(chargeUsage(usageB, "calls").units), 1);

  // A's things exist for A only
  await call(a.client.customers.createCustomer({ customer: { external_id: "only-in-a", currency: "USD" } }));
  assert.equal(await statusOf(a.client.customers.findCustomer("only-in-a")), 200);
  assert.equal(await statusOf(b.client.customers.findCustomer("only-in-a")), 404);
  const { customers } = await call(b.client.customers.findAllCustomers({}));
  assert.deepEqual(customers.map((c) => c.external_id), ["same-customer"]);
  const { billable_metrics } = await call(b.client.billableMetrics.findAllBillableMetrics({}));
  assert.deepEqual(billable_metrics.map((m) => m.code), ["calls"]);
  assert.equal(await statusOf(b.client.events.findEvent("same-tx-2")), 404); // B sent only same-tx-1
  const { event } = await call(b.client.events.findEvent("same-tx-1"));
  assert.equal(Number(event.properties.n), 1);
  const orgB = (await call(b.client.organizations.findOrganization())).organization;
  assert.equal(orgB.name, b.name);

  // billing A bills nothing of B
  const run = await billingRun(a.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [invA] = await invoicesOf(a.client, "same-customer");
  assert.equal((await invoice(a.client, invA.lago_id)).total_amount_cents, 600);
  assert.deepEqual(await invoicesOf(b.client, "same-customer"), []);
  assert.equal(await statusOf(b.client.invoices.findInvoice(invA.lago_id)), 404);
  const runB = await billingRun(b.id, month.next);
  assert.equal(runB.invoices_created, 1, JSON.stringify(runB));
  const [invB] = await invoicesOf(b.client, "same-customer");
  assert.equal((await invoice(b.client, invB.lago_id)).total_amount_cents, 25);
});
