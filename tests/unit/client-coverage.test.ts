import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApi } from "@/lib/api/app";
import type { Database } from "@/lib/db/client";
import { testDeps } from "@/tests/api/harness";

/**
 * The client libraries keep step with the Store API (issue 16): every operation of the OpenAPI
 * document has a method in the TypeScript SDK (lib/sdk, scanned for its calls) and in the Python
 * client (its METHODS table, itself checked against the paths in its source), unless listed
 * below with the reason; and no method calls an operation the API does not have.
 */
const root = path.resolve(import.meta.dirname, "../..");

/** Not in either client, on purpose. */
const NOT_IN_CLIENTS: Record<string, string> = {
  "GET /health": "the status of an instance for people and dashboards, not an integration call",
  "GET /health/live": "the load balancer's liveness probe, not an integration call",
  "GET /health/ready": "the load balancer's readiness probe, not an integration call",
};

/** Not in the Python client, on purpose (the TypeScript SDK has them: the admin uses them). */
const NOT_IN_PYTHON: Record<string, string> = {
  "POST /api/v1/auth/invitation":
    "an invitee's browser flow in the admin (the token is the credential)",
  "POST /api/v1/auth/accept-invitation": "an invitee's browser flow in the admin",
  "POST /api/v1/auth/password-reset": "a person's forgot-password page in the admin",
  "POST /api/v1/auth/password-reset/confirm": "the reset page a reset email's link opens",
  "GET /api/v1/setup": "first-run setup of an installation, done in the admin",
  "POST /api/v1/setup": "first-run setup of an installation, done in the admin",
  "POST /api/v1/signup": "public store sign-up, a page of the admin",
  "GET /api/v1/stores/slug-availability": "the sign-up and setup forms' check",
  "GET /api/v1/checkout/{token}": "the customer's hosted checkout page, not an integration",
  "POST /api/v1/checkout/{token}/stripe": "the customer's hosted checkout page",
  "POST /api/v1/checkout/{token}/paypal": "the customer's hosted checkout page",
  "POST /api/v1/checkout/{token}/paypal/{paypal_order_id}/capture": "the hosted checkout page",
  "POST /api/v1/checkout/{token}/refresh": "the hosted checkout page's 3-D Secure return",
  "POST /api/v1/payments/webhooks/stripe": "Stripe's own webhook, received by the bundled receiver",
  "POST /api/v1/payments/webhooks/paypal": "PayPal's own webhook, received by the bundled receiver",
  "POST /api/v1/store/products/{id}/images": "a multipart upload: the admin or the TypeScript SDK",
  "POST /api/v1/store/settings/logo": "a multipart upload: the admin or the TypeScript SDK",
  "GET /api/v1/store/export": "the owner's zip of the whole store: the admin or the TypeScript SDK",
  "GET /api/v1/invoice-links/{token}": "the customer's invoice page, not an integration",
  "PATCH /api/v1/auth/me/preferences":
    "a person's display setting for the admin (API keys have none)",
};

/** Called by a client, not in the API yet: the method stays, documented as pending. */
const PENDING: Record<string, string> = {};

type Op = { method: string; path: string };
const key = (op: Op) => `${op.method} ${op.path}`;
const segments = (p: string) => p.split("/").filter(Boolean);
const isParam = (s: string) => /^\{.*\}$/.test(s);

/** A client's path (its parameters as `{}`) calls an API path: parameters where the API has
 * parameters; a client parameter may also stand for a literal (`webhooks/${provider}`) when no
 * parameter route matches. */
function calls(client: Op, api: Op, literal: boolean): boolean {
  if (client.method !== api.method) return false;
  const [a, b] = [segments(client.path), segments(api.path)];
  return (
    a.length === b.length &&
    a.every((s, i) => (isParam(s) ? isParam(b[i]!) || literal : s === b[i]))
  );
}

function resolve(clientOps: Op[], apiOps: Op[]) {
  const covered = new Set<string>();
  const unknown: string[] = [];
  for (const op of clientOps) {
    let hits = apiOps.filter((a) => calls(op, a, false));
    if (!hits.length) hits = apiOps.filter((a) => calls(op, a, true));
    if (!hits.length) unknown.push(key(op));
    for (const h of hits) covered.add(key(h));
  }
  return { covered, unknown };
}

async function apiOperations(): Promise<Op[]> {
  // The document needs no database: the API is built on dependencies that are never queried.
  const { deps } = testDeps({ db: {}, kind: "pglite" } as unknown as Database);
  const response = await createApi(deps).request("/api/v1/openapi.json");
  const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.keys(item).map((m) => ({ method: m.toUpperCase(), path: p })),
  );
}

/** `this.http.request("GET", `/api/v1/x/${id(a)}`...)` and `.send(...)` in lib/sdk. */
function typescriptOperations(): Op[] {
  const dir = path.join(root, "lib/sdk");
  const ops: Op[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(path.join(dir, file), "utf8");
    const call = /http\s*\.(?:request|send)(?:<[^>]*>)?\(\s*"([A-Z]+)",\s*[`"]([^`"]+)[`"]/g;
    for (const m of source.matchAll(call))
      ops.push({ method: m[1]!, path: m[2]!.replace(/\$\{[^}]*\}/g, "{}") });
  }
  return ops;
}

/** The METHODS table of clients/python/brainsait_store/resources.py. */
function pythonTable(): Op[] {
  const source = readFileSync(
    path.join(root, "clients/python/brainsait_store/resources.py"),
    "utf8",
  );
  const table = source.slice(source.indexOf("METHODS = {"));
  return [...table.matchAll(/"[\w.[\]]+": "([A-Z]+) (\/[^"]*)"/g)].map((m) => ({
    method: m[1]!,
    path: m[2]!,
  }));
}

/** The paths the Python source really uses: `"/api/v1/..."` and f-strings, `{...}` as `{}`. */
function pythonSourcePaths(): string[] {
  const dir = path.join(root, "clients/python/brainsait_store");
  const paths = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".py"))) {
    const source = readFileSync(path.join(dir, file), "utf8");
    const code = source.slice(0, source.indexOf("METHODS = {") >>> 0);
    for (const m of code.matchAll(/f?"(\/api\/v1\/[^"]*)"/g))
      paths.add(m[1]!.replace(/\{[^}]*\}/g, "{}"));
  }
  return [...paths];
}

function report(api: Op[], clientOps: Op[], skip: Record<string, string>) {
  const { covered, unknown } = resolve(clientOps, api);
  const missing = api
    .map(key)
    .filter((k) => !covered.has(k) && !(k in skip) && !(k in NOT_IN_CLIENTS));
  return { missing, unknown: unknown.filter((k) => !(k in PENDING)) };
}

describe("client libraries cover the Store API", async () => {
  const api = await apiOperations();
  const apiKeys = new Set(api.map(key));

  it("reads a document with the API's operations", () => {
    expect(api.length).toBeGreaterThan(50);
    expect(apiKeys).toContain("POST /api/v1/store/orders");
  });

  it("TypeScript SDK: a method for every operation, no call to one that is gone", () => {
    const { missing, unknown } = report(api, typescriptOperations(), {});
    expect(missing, "operations without a method in lib/sdk").toEqual([]);
    expect(unknown, "lib/sdk calls operations the API does not have").toEqual([]);
  });

  it("Python client: a method for every operation, no call to one that is gone", () => {
    const { missing, unknown } = report(api, pythonTable(), NOT_IN_PYTHON);
    expect(missing, "operations without a method in clients/python (or NOT_IN_PYTHON)").toEqual([]);
    expect(unknown, "the Python client calls operations the API does not have").toEqual([]);
  });

  it("Python client: its METHODS table matches the paths its methods use", () => {
    const table = pythonTable().map((op) => op.path.replace(/\{[^}]*\}/g, "{}"));
    const used = pythonSourcePaths();
    const matches = (a: string, b: string) =>
      segments(a).length === segments(b).length &&
      segments(a).every((s, i) => s === segments(b)[i] || s === "{}" || segments(b)[i] === "{}");
    expect(
      used.filter((u) => !table.some((t) => matches(u, t))),
      "paths missing from METHODS",
    ).toEqual([]);
    expect(
      table.filter((t) => !used.some((u) => matches(u, t))),
      "METHODS rows no method uses",
    ).toEqual([]);
  });

  it("the lists of exceptions hold only what is true today", () => {
    for (const k of [...Object.keys(NOT_IN_PYTHON), ...Object.keys(NOT_IN_CLIENTS)])
      expect(apiKeys, `${k} is listed as an exception but the API has no such operation`).toContain(
        k,
      );
    for (const k of Object.keys(PENDING))
      expect(apiKeys, `${k} exists now: remove it from PENDING`).not.toContain(k);
    const python = resolve(pythonTable(), api).covered;
    for (const k of Object.keys(NOT_IN_PYTHON))
      expect(python, `${k} has a Python method: remove it from NOT_IN_PYTHON`).not.toContain(k);
  });
});
