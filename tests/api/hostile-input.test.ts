import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/tenants/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

/**
 * Issue 10: text PostgreSQL cannot store (NUL, lone UTF-16 surrogates) and dates outside years
 * 1..9999 are refused with a 422 naming the field, for every operation, and nothing is stored.
 */
let t: TestApi;
let tenant: Tenant;
let token: string;
const ids = { product: "", order: "", user: "", webhook: "" };

beforeAll(async () => {
  t = await createTestApi();
  tenant = await createTenant(t);
  token = (await login(t, tenant, await createUser(t, tenant))).access_token;
  const other = await createUser(t, tenant, { role: "staff" });
  ids.user = other.id;
  ids.product = (await json("POST", "/api/v1/store/products", { name: { en: "P" }, price: 1 })).id;
  ids.order = (
    await json("POST", "/api/v1/store/orders", {
      items: [{ name: "Line", quantity: 1, price: 5 }],
    })
  ).id;
  ids.webhook = (
    await json("POST", "/api/v1/webhooks", { url: "https://example.com/h", events: ["*"] })
  ).id;
});
afterAll(() => t.close());

function call(method: string, path: string, body?: string) {
  return t.request(path, {
    method,
    headers: {
      "x-tenant-id": tenant.slug,
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body,
  });
}

async function json(method: string, path: string, body: unknown) {
  const res = await call(method, path, JSON.stringify(body));
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** A path with {product}, {order}, {user} or {webhook} filled in. */
const at = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: keyof typeof ids) => ids[name]);

/** What a GET shows, to prove a refused request changed nothing. */
async function snapshot(path: string) {
  const res = await call("GET", path);
  expect(res.status).toBe(200);
  return res.json();
}

const BAD = "@@BAD@@";
/** The raw JSON text of each bad string, so the server sees exactly this (no client re-encoding). */
const BAD_TEXT: Record<string, string> = { NUL: "a\\u0000b", "lone surrogate": "\\ud800" };

// [method, path, body with BAD where the bad string goes, field named in the 422, GET that must not change]
const BODY_CASES: [string, string, unknown, string, string][] = [
  [
    "POST",
    "/api/v1/store/products",
    { name: { en: BAD, ar: "x" }, price: 1 },
    "name.en",
    "/api/v1/store/products",
  ],
  [
    "POST",
    "/api/v1/store/products",
    { name: { en: "x" }, price: 1, tags: ["ok", BAD] },
    "tags.1",
    "/api/v1/store/products",
  ],
  [
    "PATCH",
    "/api/v1/store/products/{product}",
    { description: { en: BAD } },
    "description.en",
    "/api/v1/store/products/{product}",
  ],
  [
    "PATCH",
    "/api/v1/store/products/{product}",
    { category: BAD },
    "category",
    "/api/v1/store/products/{product}",
  ],
  [
    "POST",
    "/api/v1/store/orders",
    { items: [{ name: { en: BAD }, quantity: 1, price: 1 }] },
    "items.0.name.en",
    "/api/v1/store/orders",
  ],
  [
    "POST",
    "/api/v1/store/orders",
    { items: [{ name: "x", quantity: 1, price: 1 }], notes: BAD },
    "notes",
    "/api/v1/store/orders",
  ],
  [
    "PATCH",
    "/api/v1/store/orders/{order}",
    { notes: BAD },
    "notes",
    "/api/v1/store/orders/{order}",
  ],
  [
    "PATCH",
    "/api/v1/store/orders/{order}",
    { customer_name: BAD },
    "customer_name",
    "/api/v1/store/orders/{order}",
  ],
  ["PATCH", "/api/v1/users/{user}", { name: BAD }, "name", "/api/v1/users"],
  [
    "POST",
    "/api/v1/users/invitations",
    { email: "new@example.test", role: "staff", name: BAD },
    "name",
    "/api/v1/users/invitations",
  ],
  [
    "POST",
    "/api/v1/api-keys",
    { name: BAD, scopes: ["products:read"] },
    "name",
    "/api/v1/api-keys",
  ],
  [
    "POST",
    "/api/v1/webhooks",
    { url: "https://example.com/h", description: BAD, events: ["*"] },
    "description",
    "/api/v1/webhooks",
  ],
  [
    "PATCH",
    "/api/v1/webhooks/{webhook}",
    { description: BAD },
    "description",
    "/api/v1/webhooks/{webhook}",
  ],
  ["PATCH", "/api/v1/store/settings", { name: { ar: BAD } }, "name.ar", "/api/v1/store/settings"],
  ["PATCH", "/api/v1/store/settings", { time_zone: BAD }, "time_zone", "/api/v1/store/settings"],
];

describe("JSON bodies", () => {
  for (const [kind, text] of Object.entries(BAD_TEXT)) {
    it.each(BODY_CASES)(`${kind}: %s %s -> 422 naming the field`, async (...c) => {
      const [method, path, body, field, read] = c;
      const before = await snapshot(at(read));
      const raw = JSON.stringify(body).replace(BAD, text);
      const res = await call(method, at(path), raw);
      const error = await expectError(res, 422, "VALIDATION_ERROR");
      expect(error.errors).toContainEqual(expect.objectContaining({ field }));
      expect(await snapshot(at(read))).toEqual(before);
    });
  }

  it("a key holding NUL is refused too (jsonb cannot store it)", async () => {
    const raw = `{"name":{"en":"x"},"price":1,"a\\u0000b":1}`;
    const error = await expectError(
      await call("POST", "/api/v1/store/products", raw),
      422,
      "VALIDATION_ERROR",
    );
    expect(error.errors?.[0]).toMatchObject({ field: "a\uFFFDb" });
  });

  it("sign-in with NUL in the password is a 422, not a 500", async () => {
    const res = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, "content-type": "application/json" },
      body: `{"email":"a@example.test","password":"a\\u0000b"}`,
    });
    await expectError(res, 422, "VALIDATION_ERROR");
  });

  it("ordinary Arabic text and emoji (surrogate pairs) still pass", async () => {
    const res = await call(
      "PATCH",
      `/api/v1/store/orders/${ids.order}`,
      JSON.stringify({ notes: "مرحبا \ud83d\ude00" }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).notes).toBe("مرحبا 😀");
  });
});

// [list path, query parameter]
const QUERY_CASES: [string, string][] = [
  ["/api/v1/store/products", "q"],
  ["/api/v1/store/products", "category"],
  ["/api/v1/store/products/export", "q"],
  ["/api/v1/store/orders", "q"],
  ["/api/v1/store/orders", "source"],
  ["/api/v1/store/orders/export", "q"],
  ["/api/v1/audit-log", "action"],
  ["/api/v1/audit-log", "actor_id"],
  ["/api/v1/audit-log", "resource_type"],
  ["/api/v1/webhooks/{webhook}/deliveries", "event"],
];

describe("query strings and paths", () => {
  it.each(QUERY_CASES)("NUL: GET %s?%s=%00 -> 422 naming the parameter", async (path, name) => {
    const url = `${at(path)}?${name}=a%00b`;
    const error = await expectError(await call("GET", url), 422, "VALIDATION_ERROR");
    expect(error.errors).toContainEqual(expect.objectContaining({ field: name }));
  });

  it("bytes that are not UTF-8 are searched for as typed, not a 500", async () => {
    const res = await call("GET", "/api/v1/store/products?q=%ED%A0%80");
    expect(res.status).toBe(200);
  });

  it.each([
    "/api/v1/store/orders/a%00b",
    "/api/v1/store/products/a%00b",
    "/api/v1/webhooks/a%00b",
    "/api/v1/users/a%00b",
  ])("NUL in a path segment: %s -> 422", async (path) => {
    const method = path.includes("/users/") ? "PATCH" : "GET";
    const error = await expectError(
      await call(method, path, method === "PATCH" ? "{}" : undefined),
      422,
      "VALIDATION_ERROR",
    );
    expect(error.errors).toContainEqual(expect.objectContaining({ field: "path" }));
  });
});

const DATE_LISTS = [
  "/api/v1/store/orders",
  "/api/v1/store/orders/export",
  "/api/v1/audit-log",
  "/api/v1/webhooks/{webhook}/deliveries",
];

describe("date filters", () => {
  const each = DATE_LISTS.flatMap((path) =>
    ["start_date", "end_date"].flatMap((name) =>
      ["0000-01-01", "10000-01-01", "+10000-01-01", "2026-02-30"].map(
        (value) => [path, name, value] as const,
      ),
    ),
  );
  it.each(each)("GET %s?%s=%s -> 422 naming the field", async (path, name, value) => {
    const url = `${at(path)}?${name}=${encodeURIComponent(value)}`;
    const error = await expectError(await call("GET", url), 422, "VALIDATION_ERROR");
    expect(error.errors).toContainEqual(expect.objectContaining({ field: name }));
  });

  it.each(["9999-12-31T23:00:00-05:00", "0000-06-01T00:00:00Z", "0001-01-01T00:00:00+01:00"])(
    "an API key expiring at %s -> 422 naming expires_at",
    async (expires_at) => {
      const before = await snapshot("/api/v1/api-keys");
      const res = await call(
        "POST",
        "/api/v1/api-keys",
        JSON.stringify({ name: "k", scopes: ["products:read"], expires_at }),
      );
      const error = await expectError(res, 422, "VALIDATION_ERROR");
      expect(error.errors).toContainEqual(expect.objectContaining({ field: "expires_at" }));
      expect(await snapshot("/api/v1/api-keys")).toEqual(before);
    },
  );

  it.each(DATE_LISTS)("GET %s with the first and last days of years 1..9999 -> 200", async (p) => {
    const res = await call("GET", `${at(p)}?start_date=0001-01-01&end_date=9999-12-31`);
    expect(res.status).toBe(200);
  });
});
