// Read your writes: a Lago script that goes straight through, one call right after the other with no
// sleep and no retry, as every Lago integration does. A fresh organization's key is used at once
// (rating and ingest ask invoicing for a key they have not heard of), a plan the call after its
// creation (invoicing asks rating), a subscription's usage the call after its creation (rating asks
// invoicing), and events stamped with the current Unix second are billed. Only metering, which is
// asynchronous in Lago too, is polled.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newOrganization, call, subscribe, usageWhen, uniq } from "../lib/stack.js";

const ROUNDS = 50;

async function straightThrough(round) {
  const { client } = await newOrganization(`e2e-rw-${round}-${uniq()}`);
  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "Tokens", code: "tokens", aggregation_type: "sum_agg", field_name: "tokens" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "Straight through", code: "straight", interval: "monthly", amount_cents: 1000, amount_currency: "USD",
      pay_in_advance: false,
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "standard", properties: { amount: "0.5" } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "cust", name: "Cust", currency: "USD" } }));
  const subscription = await subscribe(client, { external_customer_id: "cust", external_id: "sub", plan_code: "straight" });
  assert.equal(subscription.status, "active");

  const now = Math.floor(Date.now() / 1000);
  const events = Array.from({ length: 10 }, (_, k) => ({
    transaction_id: `rw-${k}`, code: "tokens", external_subscription_id: "sub", timestamp: now,
    properties: { tokens: k + 1 },
  }));
  await call(client.events.createBatchEvents({ events }));

  // answered at once, never a 404 (whatever metering has counted so far)
  const { customer_usage: first } = await call(
    client.customers.findCustomerCurrentUsage("cust", { external_subscription_id: "sub" }),
  );
  assert.equal(first.currency, "USD");
  // 1 + 2 + ... + 10 = 55 tokens x $0.50 = $27.50
  const usage = await usageWhen(client, "cust", "sub", (u) => u.amount_cents === 2750, 30_000);
  assert.equal(Number(usage.charges_usage[0].units), 55);
}

test(`read your writes: metric, plan, customer, subscription, events, usage with no sleep, ${ROUNDS} times in a row`, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    try {
      await straightThrough(round);
    } catch (e) {
      e.message = `round ${round + 1} of ${ROUNDS}: ${e.message}`;
      throw e;
    }
  }
});
