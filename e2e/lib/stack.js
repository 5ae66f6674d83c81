// What every end-to-end test and the demo share: the stack's addresses, a fresh organization per
// test (operator API), the SDK client pointed at the edge, and polling for what arrives
// asynchronously (a key, a plan, usage). Public API calls go through the SDK only.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { Client, getLagoError } from "lago-javascript-client";

// deploy/local/e2e.sh runs the tests on a stack of its own and sets these; the defaults are the
// developer's local stack (deploy/local/up.sh)
export const RUN = process.env.BILLING_RUN_DIR ?? join(dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy", "local", ".run");

export const EDGE_URL = process.env.BILLING_EDGE_URL ?? "http://127.0.0.1:3000";
export const API_URL = `${EDGE_URL}/api/v1`;
export const OPERATOR_URL = process.env.BILLING_OPERATOR_URL ?? "http://127.0.0.1:8083";
export const ADMIN_TOKEN = process.env.BILLING_ADMIN_TOKEN ?? readFileSync(join(RUN, "admin-token"), "utf8").trim();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A short unique suffix, so codes and ids never collide between runs. */
export const uniq = () => randomUUID().slice(0, 8);

/** The current billing month in UTC: its first instant, the next month's first instant. */
export function currentMonth(now = new Date()) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, next, now };
}

/** Unix seconds of an instant `minutes` after the month start (kept before now). */
export function inMonth(month, minutes) {
  const t = new Date(month.start.getTime() + minutes * 60_000);
  if (t >= month.now) throw new Error(`event time ${t.toISOString()} is not in the past; run later in the month`);
  return Math.floor(t.getTime() / 1000);
}

async function operator(method, path, body) {
  const res = await fetch(`${OPERATOR_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Turns an SDK failure (it throws the Response) into a readable Error. */
export async function lagoError(e) {
  if (e instanceof Error) return e;
  const body = e?.error ?? (await getLagoError(e).catch(() => null));
  return new Error(`HTTP ${e?.status} ${e?.url ?? ""}: ${JSON.stringify(body)}`);
}

/** Runs an SDK call and returns its data; on failure throws an Error with the status and body. */
export async function call(promise) {
  try {
    return (await promise).data;
  } catch (e) {
    throw await lagoError(e);
  }
}

/** The HTTP status of an SDK call (200 when it succeeded). */
export async function statusOf(promise) {
  try {
    return (await promise).status;
  } catch (e) {
    if (typeof e?.status === "number") return e.status;
    throw e;
  }
}

/** A new organization (operator API) and an SDK client holding its key. */
export async function newOrganization(name) {
  const { organization } = await operator("POST", "/admin/v1/organizations", { organization: { name } });
  const client = Client(organization.api_key, { baseUrl: API_URL });
  // usable at once by every service: a read model that lacks the key asks invoicing, its owner
  return { id: organization.lago_id ?? organization.id, name, apiKey: organization.api_key, client };
}

/** The operator's as-of billing run for one organization. */
export async function billingRun(organizationId, asOf) {
  const { billing_run } = await operator("POST", "/admin/v1/billing_runs", {
    billing_run: { as_of: asOf.toISOString(), organization_id: organizationId },
  });
  return billing_run;
}

/** Retries `fn` until it returns a truthy value (or stops throwing), for at most `timeoutMs`. */
export async function eventually(what, fn, { timeoutMs = 30_000, everyMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = new Error("not yet");
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what} (last: ${last?.message ?? last})`);
    await sleep(everyMs);
  }
}

/** Creates a subscription (its plan may have been created the call before). */
export async function subscribe(client, subscription) {
  return (await call(client.subscriptions.createSubscription({ subscription }))).subscription;
}

/** Sends events through the SDK's batch endpoint, 100 per request. */
export async function sendEvents(client, events, onProgress) {
  for (let i = 0; i < events.length; i += 100) {
    const batch = events.slice(i, i + 100);
    await call(client.events.createBatchEvents({ events: batch }));
    onProgress?.(Math.min(i + 100, events.length), events.length);
  }
}

/** Polls current usage until `ready(usage)` holds; returns the customer_usage object. */
export async function usageWhen(client, externalCustomerId, externalSubscriptionId, ready, timeoutMs = 60_000) {
  let seen;
  try {
    return await eventually(
      `current usage of ${externalSubscriptionId}`,
      async () => {
        const { customer_usage } = await call(
          client.customers.findCustomerCurrentUsage(externalCustomerId, { external_subscription_id: externalSubscriptionId }),
        );
        seen = customer_usage;
        return ready(customer_usage) ? customer_usage : null;
      },
      { timeoutMs, everyMs: 300 },
    );
  } catch (e) {
    e.message += `\nlast usage: ${JSON.stringify(seen)}`;
    throw e;
  }
}

/** The usage of one metric in a customer_usage object. */
export const chargeUsage = (usage, code) => usage.charges_usage.find((c) => c.billable_metric.code === code);

/** Reads a customer's invoices through the SDK. */
export async function invoicesOf(client, externalCustomerId) {
  const { invoices } = await call(client.invoices.findAllInvoices({ external_customer_id: externalCustomerId }));
  return invoices;
}

/** The full invoice (with fees). */
export async function invoice(client, lagoId) {
  return (await call(client.invoices.findInvoice(lagoId))).invoice;
}

/** Fees of an invoice, by a label: the filter's display name, or the item's code. */
export const feeOf = (inv, predicate) => {
  const found = inv.fees.filter(predicate);
  if (found.length !== 1) throw new Error(`expected one matching fee, found ${found.length}: ${JSON.stringify(inv.fees.map((f) => f.item))}`);
  return found[0];
};

/** The current usage of a subscription, which rating-service answers from the call after its creation. */
export async function ratedSubscription(client, externalCustomerId, externalSubscriptionId) {
  const { customer_usage } = await call(
    client.customers.findCustomerCurrentUsage(externalCustomerId, { external_subscription_id: externalSubscriptionId }),
  );
  return customer_usage;
}
