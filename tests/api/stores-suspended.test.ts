import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenants, type Tenant } from "@/lib/tenants/schema";
import { resumeStore, suspendStore } from "@/lib/tenants/stores";
import { createTenant, createTestApi, createUser, login, type TestApi } from "./harness";

/**
 * A suspended store, route by route. The routes come from the OpenAPI document, so a route added
 * later is covered without touching this file; what stays open is written out here.
 */
// Provider webhooks still land: the money moved at Stripe or PayPal whatever our store's state.
const OPEN_WHILE_SUSPENDED = (method: string, path: string) =>
  path.startsWith("/api/v1/auth/") ||
  path.startsWith("/api/v1/payments/webhooks/") ||
  (method === "GET" && path === "/api/v1/store/export");
const PUBLIC = new Set([
  "/api/v1/setup",
  "/api/v1/signup",
  "/api/v1/stores/slug-availability",
  "/api/v1/openapi.json",
  "/api/v1/docs",
  "/health",
  "/health/live",
  "/health/ready",
]);

let t: TestApi;
let suspended: Tenant;
let active: Tenant;
const tokens: Record<string, { owner: string; admin: string }> = {};
let routes: [string, string][] = [];

beforeAll(async () => {
  t = await createTestApi();
  suspended = await createTenant(t);
  active = await createTenant(t);
  // Suspended before its first request, so the resolver's short cache cannot hide it; its
  // members can still sign in.
  await suspendStore(t.db, suspended.slug);
  for (const tenant of [suspended, active]) {
    const owner = await createUser(t, tenant, { role: "owner" });
    const admin = await createUser(t, tenant, { role: "admin" });
    tokens[tenant.slug] = {
      owner: (await login(t, tenant, owner)).access_token,
      admin: (await login(t, tenant, admin)).access_token,
    };
  }
  const doc = await (await t.request("/api/v1/openapi.json")).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
        .map(
          (m) =>
            [
              m.toUpperCase(),
              path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000"),
            ] as [string, string],
        ),
  );
});
afterAll(() => t.close());

const call = (tenant: Tenant, method: string, path: string, token: string) =>
  t.request(path, {
    method,
    headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${token}` },
    json: method === "GET" || method === "DELETE" ? undefined : {},
  });

describe("a suspended store", () => {
  it("has routes to check (the document is not empty)", () => {
    const scoped = routes.filter(([, p]) => !PUBLIC.has(p) && !p.startsWith("/api/v1/files/"));
    expect(scoped.length).toBeGreaterThan(30);
  });

  it("answers 403 STORE_SUSPENDED on every tenant-scoped route but sign-in and export", async () => {
    const seen: string[] = [];
    for (const [method, path] of routes) {
      // Files, checkout and invoice links are public: the path names the store (a suspended
      // store's checkout says "expired"; a buyer keeps their tax invoice, docs/invoices.md).
      if (
        PUBLIC.has(path) ||
        path.startsWith("/api/v1/files/") ||
        path.startsWith("/api/v1/checkout/") ||
        path.startsWith("/api/v1/invoice-links/") ||
        // A developer's installed accounts span stores; /authorise names its store in the path
        // (checked below with the suspended store's own ID).
        path.startsWith("/api/v1/developer/") ||
        path.endsWith("/authorise")
      )
        continue;
      for (const role of ["owner", "admin"] as const) {
        const res = await call(suspended, method, path, tokens[suspended.slug]![role]);
        const body = res.headers.get("content-type")?.includes("json") ? await res.json() : {};
        if (OPEN_WHILE_SUSPENDED(method, path)) {
          expect(body.code, `${role} ${method} ${path}`).not.toBe("STORE_SUSPENDED");
        } else {
          expect([res.status, body.code, body.type], `${role} ${method} ${path}`).toEqual([
            403,
            "STORE_SUSPENDED",
            "permission_error",
          ]);
          expect(body.detail).toMatch(/suspended/);
        }
        seen.push(`${method} ${path}`);
      }
    }
    expect(seen).toContain("GET /api/v1/store/products");
    expect(seen).toContain("POST /api/v1/store/orders");
  });

  it("refuses a staff app's sign-in for it", async () => {
    const res = await t.request(`/api/v1/${suspended.slug}/authorise`, {
      method: "POST",
      headers: { "brainsait-dev-ref": "sahara", "brainsait-app-ref": "parcelforce" },
      json: { apiAccountCredentials: { emailAddress: "a@example.test", password: "x" } },
    });
    expect([res.status, (await res.json()).code]).toEqual([403, "STORE_SUSPENDED"]);
  });

  it("refuses API keys too", async () => {
    const res = await t.request("/api/v1/store/products", {
      headers: { "x-tenant-id": suspended.slug, authorization: "Bearer bsk_live_whatever" },
    });
    expect((await res.json()).code).toBe("STORE_SUSPENDED");
  });

  it("lets the owner sign in, see store_status and export; others cannot export", async () => {
    const owner = await createUser(t, suspended, { role: "owner" });
    const signedIn = await login(t, suspended, owner);
    const me = await call(suspended, "GET", "/api/v1/auth/me", signedIn.access_token);
    expect(me.status).toBe(200);
    expect((await me.json()).store_status).toBe("suspended");
    const exported = await call(suspended, "GET", "/api/v1/store/export", signedIn.access_token);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("application/zip");
    await exported.arrayBuffer();
    const byAdmin = await call(
      suspended,
      "GET",
      "/api/v1/store/export",
      tokens[suspended.slug]!.admin,
    );
    expect(byAdmin.status).toBe(403);
    expect((await byAdmin.json()).code).toBe("OWNER_ONLY");
  });

  it("deletes nothing: resumed, the same data answers again", { timeout: 20_000 }, async () => {
    const [row] = await t.db.select().from(tenants).where(eq(tenants.id, suspended.id));
    expect(row).toMatchObject({ status: "suspended", suspendedAt: expect.any(Date) });
    await resumeStore(t.db, suspended.slug);
    // Every instance sees it once its 5 s cache of the store runs out.
    await new Promise((r) => setTimeout(r, 5_100));
    const res = await call(suspended, "GET", "/api/v1/users", tokens[suspended.slug]!.owner);
    expect(res.status).toBe(200);
    expect((await res.json()).data).toHaveLength(3);
    const [after] = await t.db.select().from(tenants).where(eq(tenants.id, suspended.id));
    expect(after).toMatchObject({ status: "active", suspendedAt: null });
  });
});

describe("another store at the same time", () => {
  it("is never told STORE_SUSPENDED", async () => {
    for (const [method, path] of routes) {
      // Files, checkout and invoice links are public: the path names the store (a suspended
      // store's checkout says "expired"; a buyer keeps their tax invoice, docs/invoices.md).
      if (
        PUBLIC.has(path) ||
        path.startsWith("/api/v1/files/") ||
        path.startsWith("/api/v1/checkout/") ||
        path.startsWith("/api/v1/invoice-links/") ||
        // A developer's installed accounts span stores; /authorise names its store in the path
        // (checked below with the suspended store's own ID).
        path.startsWith("/api/v1/developer/") ||
        path.endsWith("/authorise")
      )
        continue;
      const res = await call(active, method, path, tokens[active.slug]!.owner);
      const body = res.headers.get("content-type")?.includes("json") ? await res.json() : {};
      expect(body.code, `${method} ${path}`).not.toBe("STORE_SUSPENDED");
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
