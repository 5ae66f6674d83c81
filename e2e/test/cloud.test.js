// (c) A cloud provider: CPU hours graduated, RAM GB-hours standard, storage GB volume-priced on the
// month's peak (max_agg), and distinct active instances (unique_count_agg).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  newOrganization, call, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

test("cloud: CPU hours graduated, RAM GB-hours standard, storage volume on peak, distinct instances", async () => {
  const org = await newOrganization(`e2e-cloud-${uniq()}`);
  const { client } = org;
  const month = currentMonth();

  const metric = async (code, aggregation_type, field_name) => (await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: code, code, aggregation_type, field_name },
  }))).billable_metric.lago_id;
  const cpu = await metric("cpu_hours", "sum_agg", "hours");
  const ram = await metric("ram_gb_hours", "sum_agg", "gb_hours");
  const storage = await metric("storage_gb", "max_agg", "gb");
  const instances = await metric("active_instances", "unique_count_agg", "instance_id");
  await call(client.plans.createPlan({
    plan: {
      name: "Cloud", code: "cloud", interval: "monthly", amount_cents: 1000, amount_currency: "USD", pay_in_advance: false,
      charges: [
        { billable_metric_id: cpu, charge_model: "graduated", properties: { graduated_ranges: [
          { from_value: 0, to_value: 100, per_unit_amount: "0.05", flat_amount: "0" },
          { from_value: 101, to_value: null, per_unit_amount: "0.04", flat_amount: "0" },
        ] } },
        { billable_metric_id: ram, charge_model: "standard", properties: { amount: "0.004" } },
        { billable_metric_id: storage, charge_model: "volume", properties: { volume_ranges: [
          { from_value: 0, to_value: 100, per_unit_amount: "0.10", flat_amount: "0" },
          { from_value: 101, to_value: null, per_unit_amount: "0.08", flat_amount: "1" },
        ] } },
        { billable_metric_id: instances, charge_model: "standard", properties: { amount: "3.50" } },
      ],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "nimbus", name: "Nimbus Labs", currency: "USD" } }));
  await subscribe(client, {
    external_customer_id: "nimbus", external_id: "nimbus-prod", plan_code: "cloud", subscription_at: month.start.toISOString(),
  });
  let n = 0;
  const ev = (code, properties) => ({
    transaction_id: `cl-${++n}`, code, external_subscription_id: "nimbus-prod", timestamp: inMonth(month, n), properties,
  });
  await sendEvents(client, [
    ev("cpu_hours", { hours: 60 }), ev("cpu_hours", { hours: 40 }), ev("cpu_hours", { hours: "50.5" }),
    ev("ram_gb_hours", { gb_hours: 512 }), ev("ram_gb_hours", { gb_hours: "256.25" }),
    ev("storage_gb", { gb: 80 }), ev("storage_gb", { gb: 250 }), ev("storage_gb", { gb: 120 }),
    ev("active_instances", { instance_id: "i-1" }), ev("active_instances", { instance_id: "i-2" }),
    ev("active_instances", { instance_id: "i-1" }), ev("active_instances", { instance_id: "i-3" }),
    ev("active_instances", { instance_id: "i-2" }),
  ]);

  // By hand:
  //   CPU, graduated: 60 + 40 + 50.5 = 150.5 h; first 100 h x $0.05 = $5.00, next 50.5 h x $0.04 = $2.02 -> $7.02
  //   RAM, standard: 512 + 256.25 = 768.25 GB-h x $0.004 = $3.073 -> $3.07
  //   storage, volume on the peak: max(80, 250, 120) = 250 GB, all in the 101+ tier: 250 x $0.08 + $1 flat = $21.00
  //   instances, unique count: {i-1, i-2, i-3} = 3 x $3.50 = $10.50
  //   usage = 702 + 307 + 2100 + 1050 = 4,159 cents; base fee 1,000; total 5,159 cents
  const usage = await usageWhen(client, "nimbus", "nimbus-prod", (u) => u.amount_cents === 4159);
  const expected = { cpu_hours: [150.5, 702], ram_gb_hours: [768.25, 307], storage_gb: [250, 2100], active_instances: [3, 1050] };
  for (const [code, [units, cents]] of Object.entries(expected)) {
    const c = chargeUsage(usage, code);
    assert.equal(Number(c.units), units, code);
    assert.equal(c.amount_cents, cents, code);
  }

  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [listed] = await invoicesOf(client, "nimbus");
  const inv = await invoice(client, listed.lago_id);
  for (const [code, [units, cents]] of Object.entries(expected)) {
    const fee = inv.fees.find((f) => f.item.type === "charge" && f.item.code === code);
    assert.ok(fee, `fee for ${code}`);
    assert.equal(Number(fee.units), units, code);
    assert.equal(fee.amount_cents, cents, code);
  }
  assert.equal(inv.fees.find((f) => f.item.type === "subscription").amount_cents, 1000);
  assert.equal(inv.total_amount_cents, 5159);
});
