import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { SCOPES } from "@/lib/auth/permissions";
import { signToken } from "@/lib/apps/signing";
import { startFakePaypal } from "../support/fake-paypal";
import { startFakeStripe } from "../support/fake-stripe";
import { createTestApi, type TestApi } from "./harness";
import { apply } from "../fuzz/mutate";
import { changed, fingerprinter } from "../fuzz/oracle";
import { operations, type Operation } from "../fuzz/spec";
import { createWorld, type World } from "../fuzz/world";

/**
 * Tenant isolation, every operation of the OpenAPI document (issue 17): store A's own valid
 * request (tests/fuzz/world.ts makes one of everything in A), sent by store B instead, three ways:
 *   - B's owner, in B, naming A's resources: a path naming one of A's rows is 404 (or 403), and
 *     whatever B may do in its own store never touches A;
 *   - B's owner token, B's API key and an app installed in B (its signed account token), presented
 *     at A's door (X-Tenant-ID of A): 401 or 403.
 * Every reply is checked for A's ids that the request did not carry (a leak), and A's rows for
 * any change. Derived from the document, so a route added later is covered without a list here.
 */
let t: TestApi;
let world: World;
let ops: Operation[];
let stores: { b: string; ownerB: string; keyB: string; appB: Record<string, string> };
/** Every id of A's rows, and its owner's email: none may appear in a reply unless asked for. */
let secretsOfA: string[];
let fingerprintA: () => Promise<Map<string, string>>;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const stripe = await startFakeStripe();
  const paypal = await startFakePaypal();
  closers.push(stripe.close, paypal.close);
  t = await createTestApi({
    rateLimitPoints: 1e9,
    keyRateLimitPoints: 1e9,
    stripeApiUrl: stripe.url,
    paypalApiUrl: paypal.url,
  });
  closers.push(() => t.close());
  ops = operations(await (await t.api.request("/api/v1/openapi.json")).json());
  world = await createWorld(t);
  const a = world.tenantIds[0]!;
  const ownerB = world.alt.headers.authorization![0]!;
  const slugB = world.alt.headers["x-tenant-id"]![0]!;
  const key = await t.api.request("/api/v1/api-keys", {
    method: "POST",
    headers: { "x-tenant-id": slugB, authorization: ownerB, "content-type": "application/json" },
    body: JSON.stringify({ name: "B's key", scopes: SCOPES }),
  });
  expect(key.status).toBe(201);
  stores = {
    b: slugB,
    ownerB,
    keyB: `Bearer ${((await key.json()) as { key: string }).key}`,
    appB: await appInstalledIn(slugB, ownerB),
  };
  // The fuzzer's fingerprint of the stores' tables, A's rows only; its whole-table parts (every
  // store, every developer account) are replaced by A's own store row.
  const tablesOfA = await fingerprinter(t.db, [a]);
  fingerprintA = async () => {
    const parts = await tablesOfA();
    parts.delete("developers");
    const store = (await t.db.execute(
      sql`select md5(x::text) as h from tenants x where id = ${a}`,
    )) as unknown as { rows: { h: string }[] };
    parts.set("tenants", store.rows[0]!.h);
    return parts;
  };
  secretsOfA = await idsOf(a);
  secretsOfA.push(world.owner.email);
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** A third-party app installed in store B: the headers of its signed account token (docs/apps.md). */
async function appInstalledIn(slug: string, owner: string) {
  const call = async (path: string, body?: unknown) => {
    const res = await t.api.request(path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "x-tenant-id": slug, authorization: owner, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res.json();
  };
  const developer = await call("/api/v1/developers", {
    developer_ref: "isolation-dev",
    name: "Isolation",
    email: "dev@isolation.example",
  });
  await call("/api/v1/developers/isolation-dev/apps", {
    app_ref: "isolation-app",
    name: { en: "Everything", ar: "كل شيء" },
    install_callback_url: "https://apps.example.com/installed",
    scopes: ["products:read", "products:write", "orders:read", "orders:write"],
    kind: "system",
  });
  await call("/api/v1/apps/isolation-app/install", {});
  const accounts = await call(
    "/api/v1/developers/isolation-dev/apps/isolation-app/installed-accounts",
  );
  const [account] = accounts as { account_code: string; account_token: string }[];
  expect(account!.account_code).toBe(slug);
  const headers = {
    "brainsait-dev-ref": "isolation-dev",
    "brainsait-app-ref": "isolation-app",
    "brainsait-account-token": signToken(developer.developer_secret, account!.account_token),
  };
  // The credential works in its own store: a refusal at A's door is then about the store.
  const own = await t.api.request("/api/v1/store/products", {
    headers: { ...headers, "x-tenant-id": slug },
  });
  expect(own.status).toBe(200);
  return headers;
}

/** The id of every row store A owns, from every table with a tenant_id and an id. */
async function idsOf(tenantId: string) {
  const tables = (await t.db.execute(
    sql`select c.table_name from information_schema.columns c
        join information_schema.columns i on i.table_name = c.table_name and i.column_name = 'id'
        where c.table_schema = 'public' and c.column_name = 'tenant_id'`,
  )) as unknown as { rows: { table_name: string }[] };
  const ids: string[] = [tenantId];
  for (const { table_name } of tables.rows) {
    const rows = (await t.db.execute(
      sql`select id::text as id from ${sql.identifier(table_name)} where tenant_id = ${tenantId}`,
    )) as unknown as { rows: { id: string }[] };
    ids.push(...rows.rows.map((r) => r.id));
  }
  return ids;
}

const storeScoped = (op: Operation) => op.security.flat().includes("bearerAuth");

/** Sends A's request for `op` with other headers (`drop`: without these); its status and text. */
async function sendAs(op: Operation, headers: Record<string, string>, drop: string[] = []) {
  const base = world.base(op);
  const merged = { ...base.headers, ...headers };
  for (const name of drop) delete merged[name];
  const sent = apply({ ...base, headers: merged }, [], world.alt);
  const res = await t.api.request(sent.url, {
    method: sent.method,
    headers: { ...sent.headers, "x-forwarded-for": "10.77.0.1" },
    body: sent.body as BodyInit | undefined,
  });
  return { sent, status: res.status, text: await res.text() };
}

/** A's ids in a reply that the request did not carry itself. */
function leaked(sent: { url: string; body?: unknown }, text: string) {
  const asked = `${sent.url} ${typeof sent.body === "string" ? sent.body : ""}`;
  return secretsOfA.filter((s) => text.includes(s) && !asked.includes(s));
}

describe("store B cannot reach store A's data through any operation", () => {
  it("covers every store-scoped operation of the document", () => {
    expect(ops.filter(storeScoped).length).toBeGreaterThan(80);
  });

  it("B's owner, in B, naming A's resources: refused where a path names A's rows; A unchanged, nothing leaked", async () => {
    const problems: string[] = [];
    for (const op of ops.filter(storeScoped)) {
      const before = await fingerprintA();
      const { sent, status, text } = await sendAs(op, {
        "x-tenant-id": stores.b,
        authorization: stores.ownerB,
      });
      const namesA = secretsOfA.some((id) => sent.url.includes(id));
      if (status >= 500) problems.push(`${op.key}: ${status}`);
      if (namesA && status < 400) problems.push(`${op.key}: ${status} for A's row from B`);
      const leaks = leaked(sent, text);
      if (leaks.length) problems.push(`${op.key}: leaked ${leaks.join(", ")}`);
      const touched = changed(before, await fingerprintA());
      if (touched.length) problems.push(`${op.key}: changed A's ${touched.join(", ")}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it.each([
    ["B's owner token", () => stores.ownerB],
    ["B's API key", () => stores.keyB],
    ["B's app, with its signed account token", () => stores.appB],
  ] as [string, () => string | Record<string, string>][])(
    "%s at A's door (X-Tenant-ID of A): 401 or 403 on every operation, nothing leaked or changed",
    async (_label, credential) => {
      const problems: string[] = [];
      const before = await fingerprintA();
      const given = credential();
      const headers = typeof given === "string" ? { authorization: given } : given;
      const drop = typeof given === "string" ? [] : ["authorization"];
      for (const op of ops.filter(storeScoped)) {
        const { sent, status, text } = await sendAs(op, headers, drop);
        if (status !== 401 && status !== 403) problems.push(`${op.key}: ${status}`);
        const leaks = leaked(sent, text);
        if (leaks.length) problems.push(`${op.key}: leaked ${leaks.join(", ")}`);
      }
      expect(changed(before, await fingerprintA())).toEqual([]);
      expect(problems).toEqual([]);
    },
    300_000,
  );
});
