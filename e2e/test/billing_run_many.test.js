// One as-of billing run bills every due subscription of an organization (here three customers on
// one plan), each invoice to the cent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newOrganization, call, subscribe, billingRun, invoicesOf, currentMonth, uniq, ratedSubscription } from "../lib/stack.js";

// Several billings of one organization run at once: they used to deadlock on the organization row
// (KEY SHARE from the invoice insert, then FOR UPDATE for the numbering); now FOR NO KEY UPDATE.
test("one billing run bills all three subscriptions of an organization", async () => {
  const org = await newOrganization(`e2e-many-${uniq()}`);
  const { client } = org;
  const month = currentMonth();
  await call(client.plans.createPlan({
    plan: { name: "Team", code: "team", interval: "monthly", amount_cents: 2500, amount_currency: "USD", pay_in_advance: false, charges: [] },
  }));
  for (const c of ["c1", "c2", "c3"]) {
    await call(client.customers.createCustomer({ customer: { external_id: c, currency: "USD" } }));
    await subscribe(client, { external_customer_id: c, external_id: `${c}-sub`, plan_code: "team", subscription_at: month.start.toISOString() });
  }
  for (const c of ["c1", "c2", "c3"]) await ratedSubscription(client, c, `${c}-sub`);
  const run = await billingRun(org.id, month.next);
  assert.deepEqual(run.failures, {});
  assert.equal(run.invoices_created, 3);
  // By hand: each a full month of $25.00 = 2,500 cents
  for (const c of ["c1", "c2", "c3"]) {
    const invoices = await invoicesOf(client, c);
    assert.equal(invoices.length, 1, c);
    assert.equal(invoices[0].total_amount_cents, 2500, c);
  }
});
