// Every public route the edge serves (lib/routes.js reads them from the stack, so new routes are
// fuzzed too) gets a bounded corpus of bad input: malformed bodies, wrong JSON types, huge values,
// NUL and lone UTF-16 surrogates, invalid UTF-8, path traversal, oversized query strings, wrong
// content types, with and without a valid key. No answer may be a 5xx, an error a service sends is
// Lago's envelope, and afterwards the stack still does its job.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { newOrganization, call, subscribe, uniq, EDGE_URL } from "../lib/stack.js";
import { publicRoutes } from "../lib/routes.js";

const EDGE = new URL(EDGE_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const CONCURRENCY = 16;
const LONG = "x".repeat(100_000);

// values for a field, as JSON text (JSON.stringify cannot write 1e400 or a lone surrogate escape)
const FIELD_VALUES = [
  "-1", "-0", "1e400", "9223372036854775808", "123456789012345678901234567890.123456789", '"NaN"',
  '"1e400"', '""', `"${LONG}"`, '"a\\u0000b"', '"\\ud800"', '"2026-02-30T25:61:00Z"', "[null]",
  "[1e400]", "{}", "null", "true",
];
const ROOT_VALUES = ["1", '"s"', "[]", "null", "true", "1e400", "[{}]", "{}"];
const BODIES = [
  "", "{", "}", "[", '{"a":', "nul", '{"a":1}}', "null", "[]", '"s"', "1", "1e400", "true", "{}",
  `"${LONG}"`, "[".repeat(5000) + "]".repeat(5000), '{"a":'.repeat(3000) + "1" + "}".repeat(3000),
  '{"a":1,"a":2}', '{"a":NaN}', "{'a':1}", "/*x*/{}", '{"a":1,}', '{"a":"\u0000"}',
];
// bytes that are not UTF-8: invalid lead bytes, an encoded surrogate, an overlong '/', a cut sequence
const INVALID_UTF8 = [[0xff, 0xfe], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82]];
const CONTENT_TYPES = [
  null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
  "application/json; charset=utf-16", "application/json; charset=bogus", "*/*", "application/json, text/plain",
];
const PATH_VALUES = [
  "%00", "a%00b", "%ED%A0%80", "%ED%B0%80%ED%A0%80", "%FF%FE", "%C0%AF", "..", "%2e%2e",
  "..%2F..%2F..%2Fadmin%2Fv1%2Forganizations", "%2e%2e%2f%2e%2e%2fadmin", "a%2Fb", "a%5Cb", "%25", "%",
  "%zz", "x".repeat(6000), "1e400", "-0", "9223372036854775808", "null", "%20", "%F0%9F%92%A9",
  "'%20OR%201=1--", "%3Cscript%3E",
];
const TRAVERSALS = [
  "/../../../admin/v1/organizations", "/%2e%2e/%2e%2e/%2e%2e/admin/v1/organizations",
  "/..%2f..%2f..%2fadmin%2fv1%2forganizations", "//", "/./", ";x=1",
];
const QUERY_VALUES = [
  "%00", "%ED%A0%80", "%FF", "-1", "0", "1e400", "9223372036854775808", "abc", "", "%25", "%",
  "x".repeat(3000), "a&b", "2026-02-30",
];
const QUERIES = [
  `q=${"x".repeat(20_000)}`, `q=${"x".repeat(7000)}`, "page=1&page=2", "page[]=1", "%00=1", "=", "&&&",
  "a=%ED%A0%80%00%FF",
];
const BAD_AUTH = [null, "Bearer ", "Bearer %00", `Bearer ${"k".repeat(10_000)}`, "Basic Zm9vOmJhcg=="];

/** Sends one raw request through the edge (no URL normalization, any bytes as the body). */
function send({ method, path, body, contentType, authorization }) {
  return new Promise((resolve) => {
    const headers = {};
    if (authorization) headers.Authorization = authorization;
    if (contentType) headers["Content-Type"] = contentType;
    const req = http.request({ host: EDGE.hostname, port: EDGE.port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"] ?? "", text: Buffer.concat(chunks).toString() }));
      res.on("error", (e) => resolve({ status: 0, type: "", text: String(e) }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.on("error", (e) => resolve({ status: 0, type: "", text: String(e) }));
    req.end(body);
  });
}

/** What is wrong with an answer, or null: a 5xx, no answer, or an error not in Lago's envelope. */
function problem(req, res) {
  if (res.status === 0 || res.status >= 500) return "5xx or no answer";
  if (res.status < 400) return null;
  // Vert.x refuses a query with a broken %-escape (400) with an empty body, before any of our code
  // runs: not a 5xx, and out of reach of the error mapping (request lines up to the edge's 8 KB
  // reach the services: quarkus.http.limits.max-initial-line-length)
  if (res.text === "" && res.status === 400 && /%(?![0-9A-Fa-f]{2})/.test(req.path)) return null;
  try {
    const body = JSON.parse(res.text);
    if (body.status === res.status && typeof body.error === "string" && ["string", "undefined"].includes(typeof body.code)) return null;
  } catch { /* not JSON */ }
  return "error body is not Lago's envelope";
}

const json = (rootKey, inner) => `{"${rootKey}":${inner}}`;
const withField = (seed, field, value) => {
  const rest = JSON.stringify({ ...seed, [field]: undefined }).slice(1, -1);
  return `{${rest}${rest ? "," : ""}"${field}":${value}}`;
};

/** The plausible value of each path parameter: the seeded object of the collection it follows. */
function plausiblePath(template, ids) {
  return template.replace(/([^/]+)\/\{[^}]+\}/g, (_, collection) => `${collection}/${encodeURIComponent(ids[collection] ?? "fuzz-1")}`);
}

function fuzzedPath(template, value) {
  return template.replace(/\{[^}]+\}/g, value);
}

/** The corpus for one route: [{ method, path, body, contentType, authorization, label }]. */
function casesFor(route, seeds, ids, apiKey) {
  const auth = `Bearer ${apiKey}`;
  const path = plausiblePath(route.template, ids);
  const seed = seeds[route.rootKey] ?? {};
  const seedBody = route.rootKey ? JSON.stringify({ [route.rootKey]: seed }) : undefined;
  const base = { method: route.method, path, body: seedBody, contentType: "application/json", authorization: auth };
  const cases = [];
  const add = (label, changes) => cases.push({ ...base, ...changes, label });

  for (const t of TRAVERSALS) add(`traversal ${t}`, { path: path + t });
  for (const a of BAD_AUTH) add(`authorization ${String(a).slice(0, 20)}`, { authorization: a });
  for (const q of QUERIES.slice(0, route.source === "edge" ? 2 : QUERIES.length)) add(`query ${q.slice(0, 30)}`, { path: `${path}?${q}` });
  for (const b of route.source === "edge" ? ["", "{", '"\\ud800"'] : BODIES) add(`body ${b.slice(0, 30)}`, { body: b });
  if (route.source === "edge") return cases;

  add("seed body", {});
  for (const v of PATH_VALUES) if (route.params.length) add(`path ${v.slice(0, 30)}`, { path: fuzzedPath(route.template, v) });
  for (const name of [...route.query, "unknown_param"]) {
    for (const v of QUERY_VALUES) add(`query ${name}=${v.slice(0, 20)}`, { path: `${path}?${encodeURIComponent(name)}=${v}` });
  }
  if (!route.rootKey) return cases;
  for (const bytes of INVALID_UTF8) {
    add(`invalid UTF-8 ${bytes}`, { body: Buffer.concat([Buffer.from(`{"${route.rootKey}":{"name":"`), Buffer.from(bytes), Buffer.from('"}}')]) });
  }
  for (const type of CONTENT_TYPES) add(`content type ${type}`, { contentType: type });
  add("2 MB body", { body: json(route.rootKey, `{"name":"${"x".repeat(2_000_000)}"}`) });
  for (const v of ROOT_VALUES) add(`root ${v}`, { body: json(route.rootKey, v) });
  for (const field of route.fields) {
    for (const v of FIELD_VALUES) {
      add(`${field}=${v.slice(0, 20)}`, { body: json(route.rootKey, withField(seed, field, v)) });
      // a body read as a string may be a batch: the same object inside a list under the plural key
      if (!route.documentedBody) add(`[${field}]=${v.slice(0, 20)}`, { body: json(`${route.rootKey}s`, `[${withField(seed, field, v)}]`) });
    }
  }
  return cases;
}

/** Runs the cases CONCURRENCY at a time; returns the failures. */
async function run(cases) {
  const failures = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const res = await send(c);
      const why = problem(c, res);
      if (why) failures.push(`${c.method} ${c.path.slice(0, 120)} [${c.label}] -> ${res.status} ${why}: ${res.text.slice(0, 200)}`);
      if (c.label.startsWith("traversal") && c.path.includes("admin") && res.status < 300) {
        failures.push(`${c.method} ${c.path} reached an operator route: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

/** Valid objects to mutate one field at a time (so a bad value gets past the other checks). */
async function seed(client) {
  const s = uniq();
  const metric = { name: "Fuzz", code: `fz_metric_${s}`, aggregation_type: "sum_agg", field_name: "n" };
  const { billable_metric } = await call(client.billableMetrics.createBillableMetric({ billable_metric: metric }));
  const charge = { billable_metric_id: billable_metric.lago_id, charge_model: "standard", properties: { amount: "1" } };
  const plan = { name: "Fuzz", code: `fz_plan_${s}`, interval: "monthly", amount_cents: 100, amount_currency: "USD", charges: [charge] };
  const { plan: created } = await call(client.plans.createPlan({ plan }));
  const customer = { external_id: `fz_cus_${s}`, name: "Fuzz", currency: "USD" };
  await call(client.customers.createCustomer({ customer }));
  const subscription = { external_customer_id: customer.external_id, external_id: `fz_sub_${s}`, plan_code: plan.code };
  await subscribe(client, subscription);
  const addOn = { name: "Fuzz", code: `fz_addon_${s}`, amount_cents: 100, amount_currency: "USD" };
  await call(client.addOns.createAddOn({ add_on: addOn }));
  const coupon = {
    name: "Fuzz", code: `fz_coupon_${s}`, coupon_type: "fixed_amount", amount_cents: 100, amount_currency: "USD",
    frequency: "once", expiration: "no_expiration",
  };
  await call(client.coupons.createCoupon({ coupon }));
  const event = { transaction_id: `fz_tx_${s}`, code: metric.code, external_subscription_id: subscription.external_id, properties: { n: 1 } };
  await call(client.events.createEvent({ event }));
  const seeds = {
    billable_metric: metric, plan, charge, customer, subscription, add_on: addOn, coupon, event,
    applied_coupon: { external_customer_id: customer.external_id, coupon_code: coupon.code },
    webhook_endpoint: { webhook_url: "http://127.0.0.1:9/fuzz", signature_algo: "hmac" },
    invoice: { external_customer_id: customer.external_id, currency: "USD", fees: [{ add_on_code: addOn.code, units: 1 }] },
    organization: { email: "fuzz@example.com" },
  };
  const ids = {
    billable_metrics: metric.code, plans: plan.code, charges: created.charges[0]?.code ?? "fuzz-1", customers: customer.external_id,
    subscriptions: subscription.external_id, add_ons: addOn.code, coupons: coupon.code, events: event.transaction_id,
  };
  return { seeds, ids };
}

/** The stack still does its job: a metric, a plan, a customer and a subscription, read back. */
async function stillAnswersCorrectly(client) {
  const s = uniq();
  const { billable_metric: metric } = await call(client.billableMetrics.createBillableMetric({
    billable_metric: { name: "After", code: `after_${s}`, aggregation_type: "count_agg" },
  }));
  await call(client.plans.createPlan({
    plan: {
      name: "After", code: `after_${s}`, interval: "monthly", amount_cents: 500, amount_currency: "EUR",
      charges: [{ billable_metric_id: metric.lago_id, charge_model: "standard", properties: { amount: "0.5" } }],
    },
  }));
  await call(client.customers.createCustomer({ customer: { external_id: `after_${s}`, name: "After", currency: "EUR" } }));
  await subscribe(client, { external_customer_id: `after_${s}`, external_id: `after_${s}`, plan_code: `after_${s}` });

  assert.equal((await call(client.billableMetrics.findBillableMetric(`after_${s}`))).billable_metric.aggregation_type, "count_agg");
  const { plan } = await call(client.plans.findPlan(`after_${s}`));
  assert.equal(plan.amount_cents, 500);
  assert.equal(plan.charges[0].properties.amount, "0.5");
  assert.equal((await call(client.customers.findCustomer(`after_${s}`))).customer.currency, "EUR");
  const { subscription } = await call(client.subscriptions.findSubscription(`after_${s}`));
  assert.equal(subscription.plan_code, `after_${s}`);
  assert.equal(subscription.status, "active");
}

test("fuzzing every public route through the edge: no 5xx, Lago's errors, and the stack still works", async () => {
  const routes = await publicRoutes();
  const methods = new Set(routes.filter((r) => r.source === "openapi").map((r) => r.method));
  assert.ok(routes.filter((r) => r.source === "openapi").length >= 40 && methods.has("POST") && methods.has("DELETE"),
    `the services' OpenAPI documents list too few routes: ${routes.length}`);
  const { client, apiKey } = await newOrganization(`e2e-fuzz-${uniq()}`);
  const { seeds, ids } = await seed(client);
  // deleting the seeded objects last keeps them for every other case
  // one route's cases after another's; deleting the seeded objects last keeps them for the rest
  const ordered = [...routes.filter((r) => r.method !== "DELETE"), ...routes.filter((r) => r.method === "DELETE")];
  const cases = ordered.flatMap((r) => casesFor(r, seeds, ids, apiKey));

  const started = Date.now();
  const failures = await run(cases);
  console.log(`fuzz: ${routes.length} routes (${routes.filter((r) => r.source === "edge").length} from the edge's map only), `
    + `${cases.length} requests in ${Date.now() - started} ms, ${failures.length} failures`);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} bad answers`);

  await stillAnswersCorrectly(client);
});
