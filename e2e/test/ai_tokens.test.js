// (a) An AI company: tokens priced per 1k per LLM model through ONE metric with a `model` filter
// (one charge, a filter per model), on top of a monthly platform fee; invoiced at the period end by
// the operator's as-of billing run.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  newOrganization, call, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

test("AI company: tokens per 1k per model (one metric, charge filters) + $49 platform fee, invoiced at period end", async () => {
  const org = await newOrganization(`e2e-ai-${uniq()}`);
  const { client } = org;
  const month = currentMonth();

  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: {
      name: "LLM tokens", code: "llm_tokens", aggregation_type: "sum_agg", field_name: "tokens",
      filters: [{ key: "model", values: ["gpt-4o", "gpt-4o-mini", "claude-sonnet"] }],
    },
  }));
  const pkg = (amount) => ({ amount, package_size: 1000, free_units: 0 });
  await call(client.plans.createPlan({
    plan: {
      name: "AI Pro", code: "ai-pro", interval: "monthly", amount_cents: 4900, amount_currency: "USD", pay_in_advance: false,
      charges: [{
        billable_metric_id: metric.lago_id, charge_model: "package", properties: pkg("0"),
        filters: [
          { invoice_display_name: "gpt-4o tokens", properties: pkg("0.005"), values: { model: ["gpt-4o"] } },
          { invoice_display_name: "gpt-4o-mini tokens", properties: pkg("0.0006"), values: { model: ["gpt-4o-mini"] } },
          { invoice_display_name: "claude-sonnet tokens", properties: pkg("0.003"), values: { model: ["claude-sonnet"] } },
        ],
      }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "acme-ai", name: "Acme AI", currency: "USD" } }));
  const sub = await subscribe(client, {
    external_customer_id: "acme-ai", external_id: "acme-ai-main", plan_code: "ai-pro",
    subscription_at: month.start.toISOString(), billing_time: "calendar",
  });
  assert.equal(sub.status, "active");

  const ev = (n, model, tokens, minute) => ({
    transaction_id: `ai-${n}`, code: "llm_tokens", external_subscription_id: "acme-ai-main",
    timestamp: inMonth(month, minute), properties: { model, tokens },
  });
  await sendEvents(client, [
    ev(1, "gpt-4o", 500000, 10), ev(2, "gpt-4o", 700000, 20), ev(3, "gpt-4o", 34567, 30),
    ev(4, "gpt-4o-mini", 2000000, 40), ev(5, "gpt-4o-mini", 1500000, 50),
    ev(6, "claude-sonnet", 250001, 60),
  ]);

  // By hand (package: packages = ceil(tokens / 1000), fee rounded once, half-up, to the cent):
  //   gpt-4o        500,000 + 700,000 + 34,567 = 1,234,567 tokens -> 1,235 packages x $0.005  = $6.175 -> $6.18
  //   gpt-4o-mini   2,000,000 + 1,500,000      = 3,500,000 tokens -> 3,500 packages x $0.0006 = $2.10
  //   claude-sonnet 250,001 tokens                                  ->   251 packages x $0.003  = $0.753 -> $0.75
  //   usage = 618 + 210 + 75 = 903 cents; platform fee 4,900 cents (full month: started on the 1st)
  //   invoice total = 4,900 + 903 = 5,803 cents ($58.03)
  const usage = await usageWhen(client, "acme-ai", "acme-ai-main", (u) => u.amount_cents === 903);
  const tokens = chargeUsage(usage, "llm_tokens");
  assert.equal(Number(tokens.units), 4984568);
  const byModel = Object.fromEntries(tokens.filters.filter((f) => f.values).map((f) => [f.values.model[0], f]));
  assert.equal(byModel["gpt-4o"].amount_cents, 618);
  assert.equal(Number(byModel["gpt-4o"].units), 1234567);
  assert.equal(byModel["gpt-4o-mini"].amount_cents, 210);
  assert.equal(byModel["claude-sonnet"].amount_cents, 75);

  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [listed] = await invoicesOf(client, "acme-ai");
  const inv = await invoice(client, listed.lago_id);
  assert.equal(inv.currency, "USD");
  assert.equal(inv.fees_amount_cents, 5803);
  assert.equal(inv.total_amount_cents, 5803);
  const fees = inv.fees.map((f) => [f.item.type, f.units, f.amount_cents]).sort();
  assert.deepEqual(fees, [
    ["charge", "1234567", 618],
    ["charge", "250001", 75],
    ["charge", "3500000", 210],
    ["subscription", "1", 4900],
  ].sort());
});
