// (f) A webhook receiver gets invoice.created from the billing run and verifies its HMAC signature:
// X-Lago-Signature = Base64(HMAC-SHA256(organization hmac_key, raw body)).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  newOrganization, call, subscribe, billingRun, currentMonth, uniq, eventually, ratedSubscription,
} from "../lib/stack.js";

test("webhook receiver gets invoice.created with a valid HMAC signature", async (t) => {
  const received = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/lago`;

  const org = await newOrganization(`e2e-hook-${uniq()}`);
  const { client } = org;
  const month = currentMonth();
  const { organization } = await call(client.organizations.findOrganization());
  assert.ok(organization.hmac_key, "organization exposes hmac_key");
  await call(client.webhookEndpoints.createWebhookEndpoint({ webhook_endpoint: { webhook_url: url, signature_algo: "hmac" } }));

  await call(client.plans.createPlan({
    plan: { name: "Seat", code: "seat", interval: "monthly", amount_cents: 1234, amount_currency: "USD", pay_in_advance: false, charges: [] },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: "hooked", currency: "USD" } }));
  await subscribe(client, { external_customer_id: "hooked", external_id: "hooked-sub", plan_code: "seat", subscription_at: month.start.toISOString() });
  await ratedSubscription(client, "hooked", "hooked-sub");
  const run = await billingRun(org.id, month.next);
  assert.equal(run.invoices_created, 1, JSON.stringify(run));

  const delivery = await eventually("invoice.created delivered", () =>
    received.find((r) => JSON.parse(r.body.toString("utf8")).webhook_type === "invoice.created"), { timeoutMs: 30_000 });
  assert.equal(delivery.headers["x-lago-signature-algorithm"], "hmac");
  const expected = createHmac("sha256", Buffer.from(organization.hmac_key, "utf8")).update(delivery.body).digest("base64");
  const got = String(delivery.headers["x-lago-signature"]);
  assert.ok(got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected)), "HMAC signature verifies");
  assert.ok(delivery.headers["x-lago-unique-key"], "X-Lago-Unique-Key present");
  const payload = JSON.parse(delivery.body.toString("utf8"));
  assert.equal(payload.object_type, "invoice");
  assert.equal(payload.organization_id, org.id);
  assert.equal(payload.invoice.lago_id, run.lago_invoice_ids[0]);
  // By hand: a full month of a $12.34 plan, no usage = 1,234 cents
  assert.equal(payload.invoice.total_amount_cents, 1234);
  // a tampered body does not verify
  const tampered = createHmac("sha256", organization.hmac_key).update(Buffer.concat([delivery.body, Buffer.from(" ")])).digest("base64");
  assert.notEqual(tampered, got);
});
