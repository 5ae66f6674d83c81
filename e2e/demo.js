// The demo at the end of deploy/local/up.sh: a fresh organization with three seed customers (an AI
// company, a marketplace, a cloud provider) on their plans, a burst of realistic usage through
// Lago's SDK, the period closed by the operator's as-of billing run, and each invoice printed.
// Deterministic (seeded), so the totals are the same on every run. `npm run demo` runs it again.
import {
  newOrganization, call, subscribe, usageWhen, billingRun, invoicesOf, invoice, currentMonth, uniq, API_URL,
} from "./lib/stack.js";

const EVENTS = Number(process.env.DEMO_EVENTS ?? 3000);
const out = (s = "") => process.stdout.write(s + "\n");

// mulberry32: a small seeded generator
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function catalog(client) {
  const metric = async (billable_metric) => (METRIC_NAMES[billable_metric.code] = billable_metric.name) && (await call(client.billableMetrics.createBillableMetric({ billable_metric }))).billable_metric.lago_id;
  const tokens = await metric({
    name: "LLM tokens", code: "llm_tokens", aggregation_type: "sum_agg", field_name: "tokens",
    filters: [{ key: "model", values: ["gpt-4o", "gpt-4o-mini", "claude-sonnet"] }],
  });
  const gmv = await metric({ name: "Payment volume", code: "gmv", aggregation_type: "sum_agg", field_name: "amount" });
  const cpu = await metric({ name: "CPU hours", code: "cpu_hours", aggregation_type: "sum_agg", field_name: "hours" });
  const ram = await metric({ name: "RAM GB-hours", code: "ram_gb_hours", aggregation_type: "sum_agg", field_name: "gb_hours" });
  const storage = await metric({ name: "Storage GB (peak)", code: "storage_gb", aggregation_type: "max_agg", field_name: "gb" });
  const instances = await metric({ name: "Active instances", code: "active_instances", aggregation_type: "unique_count_agg", field_name: "instance_id" });
  const pkg = (amount) => ({ amount, package_size: 1000, free_units: 0 });
  const plan = (p) => call(client.plans.createPlan({ plan: { interval: "monthly", amount_currency: "USD", pay_in_advance: false, ...p } }));
  await plan({
    name: "AI Pro", code: "ai-pro", amount_cents: 4900,
    charges: [{ billable_metric_id: tokens, charge_model: "package", properties: pkg("0"), filters: [
      { invoice_display_name: "gpt-4o tokens (per 1k)", properties: pkg("0.005"), values: { model: ["gpt-4o"] } },
      { invoice_display_name: "gpt-4o-mini tokens (per 1k)", properties: pkg("0.0006"), values: { model: ["gpt-4o-mini"] } },
      { invoice_display_name: "claude-sonnet tokens (per 1k)", properties: pkg("0.003"), values: { model: ["claude-sonnet"] } },
    ] }],
  });
  await plan({
    name: "Marketplace", code: "take-rate", amount_cents: 0,
    charges: [{ billable_metric_id: gmv, charge_model: "percentage", invoice_display_name: "Take rate 2% + $0.30", properties: { rate: "2", fixed_amount: "0.30" } }],
  });
  await plan({
    name: "Cloud", code: "cloud", amount_cents: 1000,
    charges: [
      { billable_metric_id: cpu, charge_model: "graduated", properties: { graduated_ranges: [
        { from_value: 0, to_value: 100, per_unit_amount: "0.05", flat_amount: "0" },
        { from_value: 101, to_value: null, per_unit_amount: "0.04", flat_amount: "0" }] } },
      { billable_metric_id: ram, charge_model: "standard", properties: { amount: "0.004" } },
      { billable_metric_id: storage, charge_model: "volume", properties: { volume_ranges: [
        { from_value: 0, to_value: 100, per_unit_amount: "0.10", flat_amount: "0" },
        { from_value: 101, to_value: null, per_unit_amount: "0.08", flat_amount: "1" }] } },
      { billable_metric_id: instances, charge_model: "standard", properties: { amount: "3.50" } },
    ],
  });
}

function burst(month, n) {
  const rand = rng(42);
  const span = Math.max(60, Math.floor((month.now - month.start) / 1000) - 60); // seconds of the month so far
  const at = () => Math.floor(month.start.getTime() / 1000) + Math.floor(rand() * span);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const events = [];
  for (let i = 1; i <= n; i++) {
    const r = rand();
    if (r < 0.5) {
      events.push({ transaction_id: `ai-${i}`, code: "llm_tokens", external_subscription_id: "acme-ai-main", timestamp: at(),
        properties: { model: pick(["gpt-4o", "gpt-4o-mini", "gpt-4o-mini", "claude-sonnet"]), tokens: 200 + Math.floor(rand() * 12000) } });
    } else if (r < 0.75) {
      events.push({ transaction_id: `order-${i}`, code: "gmv", external_subscription_id: "shopfront-main", timestamp: at(),
        properties: { amount: (5 + rand() * 195).toFixed(2) } });
    } else {
      const kind = pick(["cpu_hours", "ram_gb_hours", "storage_gb", "active_instances"]);
      const properties = {
        cpu_hours: () => ({ hours: (rand() * 2).toFixed(2) }),
        ram_gb_hours: () => ({ gb_hours: (rand() * 16).toFixed(2) }),
        storage_gb: () => ({ gb: 60 + Math.floor(rand() * 200) }),
        active_instances: () => ({ instance_id: `i-${1 + Math.floor(rand() * 12)}` }),
      }[kind]();
      events.push({ transaction_id: `cl-${i}`, code: kind, external_subscription_id: "nimbus-prod", timestamp: at(), properties });
    }
  }
  return events;
}

const money = (cents) => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const num = (s) => { const x = Number(s); return Number.isInteger(x) ? x.toLocaleString("en-US") : x.toLocaleString("en-US", { maximumFractionDigits: 4 }); };

// what the invoice calls a fee; a charge labelled by its bare metric code gets the metric's name
const METRIC_NAMES = {};
function label(f) {
  if (f.item.type === "subscription") return `${f.item.name} (${f.item.code}, monthly)`;
  const shown = f.item.invoice_display_name ?? f.item.name;
  return shown === f.item.code && METRIC_NAMES[shown] ? METRIC_NAMES[shown] : shown;
}

function printInvoice(inv) {
  const rank = (f) => (f.item.type === "subscription" ? 0 : 1);
  const rows = [...inv.fees]
    .sort((a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)))
    .filter((f) => f.amount_cents !== 0 || f.item.type !== "subscription" || inv.fees.length === 1)
    .map((f) => [label(f), num(f.units), money(f.amount_cents)]);
  const w = [Math.max(28, ...rows.map((r) => r[0].length)), 14, 12];
  const line = (a, b, c) => `  ${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c.padStart(w[2])}`;
  const period = inv.subscriptions?.[0] ?? {};
  out(`  ${inv.number}  ${inv.customer.name} (${inv.customer.external_id})  ${inv.status}, issued ${inv.issuing_date}` +
    (period.from_datetime ? `  period ${String(period.from_datetime).slice(0, 10)} .. ${String(period.to_datetime).slice(0, 10)}` : ""));
  out(line("fee", "units", "amount"));
  out("  " + "-".repeat(w[0] + w[1] + w[2] + 4));
  for (const r of rows) out(line(...r));
  out("  " + "-".repeat(w[0] + w[1] + w[2] + 4));
  out(line("total", "", money(inv.total_amount_cents)));
  out();
}

async function main() {
  const started = Date.now();
  const month = currentMonth();
  out(`\n== Demo: three customers, ${EVENTS} usage events, one billing run (${month.start.toISOString().slice(0, 7)}) ==\n`);
  const org = await newOrganization(`Demo ${new Date().toISOString().slice(0, 16)} ${uniq()}`);
  const { client } = org;
  await catalog(client);
  const seeds = [
    ["acme-ai", "Acme AI", "acme-ai-main", "ai-pro"],
    ["shopfront", "Shopfront Marketplace", "shopfront-main", "take-rate"],
    ["nimbus", "Nimbus Cloud", "nimbus-prod", "cloud"],
  ];
  for (const [external_id, name, sub, plan_code] of seeds) {
    await call(client.customers.createCustomer({ customer: { external_id, name, currency: "USD" } }));
    await subscribe(client, { external_customer_id: external_id, external_id: sub, plan_code, subscription_at: month.start.toISOString() });
  }
  out(`  organization "${org.name}", plans ai-pro, take-rate, cloud; customers ${seeds.map((s) => s[0]).join(", ")}`);

  const events = burst(month, EVENTS);
  const t0 = Date.now();
  for (let i = 0; i < events.length; i += 100) {
    await call(client.events.createBatchEvents({ events: events.slice(i, i + 100) }));
    const done = Math.min(i + 100, events.length);
    const rate = Math.round(done / ((Date.now() - t0) / 1000));
    const line = `  sending events ${String(done).padStart(6)}/${events.length}  ${String(Math.round((100 * done) / events.length)).padStart(3)}%  ${rate} events/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
    else if (done === events.length || Math.floor((10 * done) / events.length) !== Math.floor((10 * (done - 100)) / events.length)) out(line);
  }
  if (process.stdout.isTTY) out();

  // wait until rating has metered every event of each subscription
  const perSub = {};
  for (const e of events) perSub[e.external_subscription_id] = (perSub[e.external_subscription_id] ?? 0) + 1;
  for (const [customer, , sub] of seeds) {
    await usageWhen(client, customer, sub, (u) => u.charges_usage.reduce((n, c) => n + c.events_count, 0) >= perSub[sub], 120_000);
  }
  out(`  rated: ${Object.entries(perSub).map(([s, n]) => `${s} ${n}`).join(", ")}`);

  // the run bills each due subscription; one it could not bill is left for the next run (which
  // bills nothing twice), so run again while some are left
  let invoices = 0;
  for (let attempt = 1; ; attempt++) {
    const run = await billingRun(org.id, month.next);
    invoices += run.invoices_created;
    const left = Object.keys(run.failures ?? {}).length;
    out(`  billing run as of ${month.next.toISOString()}: ${run.invoices_created} invoice(s)` +
      (left ? `, ${left} subscription(s) left for the next run: ${Object.values(run.failures).join("; ").slice(0, 120)}` : ""));
    if (!left || attempt === 5) break;
  }
  out(`  ${invoices} invoices\n`);
  for (const [customer] of seeds) {
    for (const listed of await invoicesOf(client, customer)) printInvoice(await invoice(client, listed.lago_id));
  }
  out(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s. Explore this organization with the SDK or curl:`);
  out(`    KEY=${org.apiKey}`);
  out(`    curl -s -H "Authorization: Bearer $KEY" ${API_URL}/invoices?external_customer_id=acme-ai\n`);
}

main().catch((e) => {
  console.error(`demo failed: ${e.stack ?? e}`);
  process.exit(1);
});
