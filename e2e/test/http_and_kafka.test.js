// Events for one subscription arrive both by HTTP (the SDK) and by the `billing.events.inbound`
// topic (internal producers: Lago's event JSON plus organization_id), and bill together.
// The Kafka side uses Kafka's own console producer through deploy/local/kafka.sh (no npm Kafka client).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  newOrganization, call, subscribe, sendEvents, usageWhen, chargeUsage, billingRun, invoicesOf, invoice,
  currentMonth, inMonth, uniq,
} from "../lib/stack.js";

const KAFKA_SH = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy", "local", "kafka.sh");
const BOOTSTRAP = process.env.BILLING_KAFKA_BOOTSTRAP ?? "127.0.0.1:9092";

function produce(topic, records) {
  return new Promise((resolve, reject) => {
    const p = spawn(KAFKA_SH, ["tool", "org.apache.kafka.tools.ConsoleProducer", "--bootstrap-server", BOOTSTRAP,
      "--topic", topic, "--property", "parse.key=true", "--property", "key.separator=\t"],
    { stdio: ["pipe", "inherit", "pipe"], env: { ...process.env, KAFKA_PORT: BOOTSTRAP.split(":")[1] } });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`console producer exited ${code}: ${err}`))));
    p.stdin.end(records.map(([k, v]) => `${k}\t${JSON.stringify(v)}`).join("\n") + "\n");
  });
}

test("events by HTTP and by the billing.events.inbound topic bill together", async () => {
  const org = await newOrganization(`e2e-kafka-${uniq()}`);
  const { client } = org;
  const month = currentMonth();
  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "Messages", code: "messages", aggregation_type: "sum_agg", field_name: "count" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "Messaging", code: "messaging", interval: "monthly", amount_cents: 0, amount_currency: "USD", pay_in_advance: false,
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "standard", properties: { amount: "0.015" } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "chatty", currency: "USD" } }));
  await subscribe(client, { external_customer_id: "chatty", external_id: "chatty-sub", plan_code: "messaging", subscription_at: month.start.toISOString() });

  await sendEvents(client, [1, 2, 3].map((i) => ({
    transaction_id: `http-${i}`, code: "messages", external_subscription_id: "chatty-sub", timestamp: inMonth(month, i), properties: { count: 100 },
  })));
  await produce("billing.events.inbound", [4, 5].map((i) => ["chatty-sub", {
    organization_id: org.id, transaction_id: `kafka-${i}`, code: "messages", external_subscription_id: "chatty-sub",
    timestamp: inMonth(month, i), properties: { count: 250 },
  }]));

  // By hand: HTTP 3 x 100 + Kafka 2 x 250 = 800 messages x $0.015 = $12.00 (1,200 cents), 5 events
  const usage = await usageWhen(client, "chatty", "chatty-sub", (u) => u.amount_cents === 1200);
  assert.equal(chargeUsage(usage, "messages").events_count, 5);
  const { event } = await call(client.events.findEvent("kafka-5"));
  assert.equal(Number(event.properties.count), 250);

  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));
  const [listed] = await invoicesOf(client, "chatty");
  const inv = await invoice(client, listed.lago_id);
  assert.equal(inv.fees.find((f) => f.item.type === "charge").units, "800");
  assert.equal(inv.total_amount_cents, 1200);
});
