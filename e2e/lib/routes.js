// The public routes the edge serves, read from the running stack rather than listed by hand, so a
// new route is fuzzed without editing the tests: every /api/v1 operation of each service's own
// OpenAPI document, plus what the edge's map routes that no OpenAPI lists (a path the edge sends to
// a service, or answers itself for a service that does not run).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RUN } from "./stack.js";

// deploy/local/e2e.sh sets the running services' own URLs; the default is the developer's stack
const SERVICE_URLS = (process.env.BILLING_SERVICE_URLS ?? "http://127.0.0.1:8081 http://127.0.0.1:8082 http://127.0.0.1:8083")
  .split(/\s+/).filter(Boolean);
const METHODS = ["get", "post", "put", "patch", "delete"];

/**
 * Every public route: { method, template ("/api/v1/plans/{code}"), params, query (names),
 * rootKey (the request body's root key, null when it takes none), fields (names inside it),
 * documentedBody (the body's root key comes from its schema), source ("openapi" or "edge") }.
 */
export async function publicRoutes() {
  const documented = (await Promise.all(SERVICE_URLS.map(openApiRoutes))).flat();
  return [...documented.map((r) => withFieldsOfSameRoot(r, documented)), ...edgeOnlyRoutes(documented)];
}

/** A body that documents no fields (read as a String) takes those of another route with its root key. */
function withFieldsOfSameRoot(route, routes) {
  if (!route.rootKey || route.fields.length) return route;
  const fields = routes.filter((r) => r.rootKey === route.rootKey).flatMap((r) => r.fields);
  return { ...route, fields: [...new Set(fields)] };
}

async function openApiRoutes(serviceUrl) {
  const res = await fetch(`${serviceUrl}/q/openapi?format=json`);
  if (!res.ok) throw new Error(`${serviceUrl}/q/openapi -> ${res.status}`);
  const doc = await res.json();
  const routes = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    if (!template.startsWith("/api/v1/")) continue;
    for (const method of METHODS.filter((m) => operations[m])) {
      routes.push(openApiRoute(doc, method.toUpperCase(), template, operations[method]));
    }
  }
  return routes;
}

function openApiRoute(doc, method, template, operation) {
  const params = operation.parameters ?? [];
  const route = {
    method, template, source: "openapi",
    params: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
    query: params.filter((p) => p.in === "query").map((p) => p.name),
    rootKey: null, fields: [],
  };
  if (!operation.requestBody) return route;
  const request = rootObject(doc, firstSchema(operation.requestBody));
  const response = rootObject(doc, firstSchema(operation.responses?.["200"] ?? operation.responses?.["201"]));
  // a body read as a String or a JsonNode documents nothing: its root key is the resource's name
  route.rootKey = request?.key ?? singular(template.split("/")[3]);
  route.documentedBody = Boolean(request);
  // a body documented as a map lists no fields: those of the object it answers with stand in
  route.fields = request?.fields.length ? request.fields : response?.key === route.rootKey ? response.fields : [];
  return route;
}

function firstSchema(part) {
  const content = Object.values(part?.content ?? {})[0];
  return content?.schema;
}

/** The single root key of an object schema and the field names inside it, snake_cased. */
function rootObject(doc, schema) {
  const properties = Object.entries(resolve(doc, schema)?.properties ?? {});
  if (properties.length !== 1) return null; // a JsonNode's bean properties, or no body schema
  const [key, inner] = properties[0];
  return { key: snake(key), fields: Object.keys(resolve(doc, inner)?.properties ?? {}).map(snake) };
}

function resolve(doc, schema) {
  let s = schema;
  while (s?.$ref) s = doc.components.schemas[s.$ref.split("/").pop()];
  return s;
}

// SmallRye documents the Java names; the API's JSON is snake_case
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const singular = (collection) => collection.replace(/s$/, "");

/** The edge's map expanded to concrete "METHOD /path" routes that no OpenAPI route matches. */
function edgeOnlyRoutes(documented) {
  const matchers = documented.map((r) => ({
    method: r.method, path: new RegExp(`^${r.template.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  }));
  const known = (method, path) => matchers.some((m) => m.method === method && m.path.test(path));
  const routes = [];
  for (const { methods, paths } of edgeMap()) {
    for (const path of paths) {
      for (const method of methods.filter((m) => !known(m, path))) {
        routes.push({ method, template: path, source: "edge", params: [], query: [], rootKey: singular(path.split("/")[3]), fields: [] });
      }
    }
  }
  return routes;
}

/** The "METHOD /path" regexes of the edge's owner map (the generated nginx.conf, else its template). */
function edgeMap() {
  const conf = [join(RUN, "nginx.conf"), new URL("../../deploy/local/nginx.conf.template", import.meta.url)]
    .map((file) => { try { return readFileSync(file, "utf8"); } catch { return null; } })
    .find(Boolean);
  return [...conf.matchAll(/^\s*"~\^(\S+) (\S+)"\s+\w+;/gm)].map(([, method, path]) => ({
    methods: method === "[A-Z]+" ? METHODS.map((m) => m.toUpperCase()) : [method],
    paths: [...new Set(expand(path).map((p) => p.replace(/\/+$/, "")))],
  }));
}

/**
 * The concrete strings a path regex of the edge's map matches, for the few constructs it uses:
 * literals, (a|b) groups, an optional group or character, [^/]+ and $.
 */
export function expand(regex) {
  let alternatives = [""];
  for (let i = 0; i < regex.length;) {
    let options;
    if (regex[i] === "(") {
      const end = closingParen(regex, i);
      options = splitTopLevel(regex.slice(i + 1, end)).flatMap(expand);
      i = end + 1;
    } else if (regex.startsWith("[^/]+", i)) {
      options = ["fuzz-id"];
      i += 5;
    } else {
      options = [regex[i] === "$" ? "" : regex[i]];
      i += 1;
    }
    if (regex[i] === "?") {
      options = [...options, ""];
      i += 1;
    }
    alternatives = alternatives.flatMap((prefix) => options.map((o) => prefix + o));
  }
  return alternatives;
}

function closingParen(regex, open) {
  let depth = 0;
  for (let i = open; i < regex.length; i++) {
    if (regex[i] === "(") depth++;
    if (regex[i] === ")" && --depth === 0) return i;
  }
  throw new Error(`unbalanced ( in ${regex}`);
}

function splitTopLevel(group) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < group.length; i++) {
    if (group[i] === "(") depth++;
    if (group[i] === ")") depth--;
    if (group[i] === "|" && depth === 0) {
      parts.push(group.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, group.slice(start)];
}
