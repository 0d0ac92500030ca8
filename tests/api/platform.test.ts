import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectUnhandledErrors } from "./setup";
import { authenticate } from "@/lib/api/platform/middleware/authenticate";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

let t: TestApi;
let slug: string;
let token: string;
let created = 0;
beforeAll(async () => {
  t = await createTestApi({
    routes(app) {
      app.get("/api/v1/_test/boom", () => {
        throw new Error("secret internals: password=hunter2 at db.ts:42");
      });
      app.post("/api/v1/_test/things", authenticate, async (c) => {
        const body = await c.req.json();
        created++;
        return c.json({ id: created, ...body }, 201);
      });
    },
  });
  const tenant = await createTenant(t);
  slug = tenant.slug;
  token = (await login(t, tenant, await createUser(t, tenant))).access_token;
});
afterAll(() => t.close());

describe("GET /health", () => {
  it("reports the database", async () => {
    const res = await t.request("/health");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.checks.database.status).toBe("ok");
    expect(["pglite", "postgres"]).toContain(body.checks.database.driver);
    expect(res.headers.get("x-rate-limit-limit")).toBeTruthy();
  });
});

describe("tenant resolution", () => {
  it("404 TENANT_NOT_FOUND for an unknown X-Tenant-ID", async () => {
    const res = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "x-tenant-id": "no-such-store" },
      json: { email: "a@b.co", password: "x" },
    });
    const body = await expectError(res, 404, "TENANT_NOT_FOUND");
    expect(body.type).toBe("not_found_error");
  });

  it("400 TENANT_REQUIRED without X-Tenant-ID", async () => {
    await expectError(await t.request("/api/v1/auth/me"), 400, "TENANT_REQUIRED");
  });
});

describe("errors", () => {
  it("404 envelope for an unknown route", async () => {
    await expectError(
      await t.request("/api/v1/nothing-here", { headers: { "x-tenant-id": slug } }),
      404,
      "ROUTE_NOT_FOUND",
    );
  });

  it("413 for a body over the limit", async () => {
    const res = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "x-tenant-id": slug },
      json: { email: "a@b.co", password: "x".repeat(t.config.bodyLimitBytes) },
    });
    await expectError(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("500 says nothing of the internals", async () => {
    expectUnhandledErrors();
    const res = await t.request("/api/v1/_test/boom", { headers: { "x-tenant-id": slug } });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ type: "api_error", code: "INTERNAL_ERROR" });
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.ts");
  });

  it("echoes a request id, and uses the client's when it sends one", async () => {
    const res = await t.request("/health", { headers: { "x-request-id": "trace-abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("trace-abc-123");
    expect((await t.request("/health")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("rate limits", () => {
  it("every response carries the X-Rate-Limit headers, errors included", async () => {
    for (const res of [
      await t.request("/health"),
      await t.request("/api/v1/auth/me", { headers: { "x-tenant-id": slug } }),
      await t.request("/api/v1/auth/me", { headers: { "x-tenant-id": "missing-store" } }),
    ]) {
      expect(Number(res.headers.get("x-rate-limit-limit"))).toBe(10_000);
      expect(Number(res.headers.get("x-rate-limit-remaining"))).toBeGreaterThanOrEqual(0);
      const reset = Number(res.headers.get("x-rate-limit-reset"));
      const nowSeconds = Date.now() / 1000;
      expect(reset).toBeGreaterThan(nowSeconds - 1);
      expect(reset).toBeLessThanOrEqual(nowSeconds + 61);
    }
  });

  it("429 RATE_LIMIT_EXCEEDED with Retry-After past the limit, per client", async () => {
    const small = await createTestApi({ rateLimitPoints: 3 });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await small.request("/health", { ip: "198.51.100.7" });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const body = await expectError(last!, 429, "RATE_LIMIT_EXCEEDED");
      expect(body.type).toBe("rate_limit_error");
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(last!.headers.get("x-rate-limit-remaining")).toBe("0");
      // Another client is unaffected.
      expect((await small.request("/health", { ip: "198.51.100.8" })).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe("Idempotency-Key", () => {
  const send = (key: string, json: unknown) =>
    t.request("/api/v1/_test/things", {
      method: "POST",
      headers: { "x-tenant-id": slug, authorization: `Bearer ${token}`, "idempotency-key": key },
      json,
    });

  it("replays the first response for the same key and body, without running it again", async () => {
    const before = created;
    const first = await send("key-1", { name: "سجادة" });
    const again = await send("key-1", { name: "سجادة" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(created).toBe(before + 1);
  });

  it("is not stored for routes their module marks as holding secrets (a new API key)", async () => {
    const create = () =>
      t.request("/api/v1/api-keys", {
        method: "POST",
        headers: {
          "x-tenant-id": slug,
          authorization: `Bearer ${token}`,
          "idempotency-key": "key-with-secret",
        },
        json: { name: "Sync", scopes: ["products:read"] },
      });
    const first = await create();
    const again = await create();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect((await again.json()).key).not.toBe((await first.json()).key);
  });

  it("422 for the same key with a different body", async () => {
    await send("key-2", { name: "a" });
    await expectError(await send("key-2", { name: "b" }), 422, "IDEMPOTENCY_KEY_REUSED");
  });

  it("keys of one client do not collide with another's", async () => {
    const before = created;
    await send("shared-key", { n: 1 });
    const tenant = await createTenant(t);
    const someoneElse = await login(t, tenant, await createUser(t, tenant));
    const other = await t.request("/api/v1/_test/things", {
      method: "POST",
      headers: {
        "x-tenant-id": tenant.slug,
        "idempotency-key": "shared-key",
        authorization: `Bearer ${someoneElse.access_token}`,
      },
      json: { n: 1 },
    });
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(created).toBe(before + 2);
  });

  it("runs the handler once under concurrent retries", async () => {
    const before = created;
    const results = await Promise.all(Array.from({ length: 10 }, () => send("key-race", { n: 5 })));
    expect(created).toBe(before + 1);
    for (const r of results) expect([201, 409]).toContain(r.status);
  });

  it("rejects a malformed key", async () => {
    await expectError(await send("has spaces", {}), 422, "IDEMPOTENCY_KEY_INVALID");
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document with the auth routes", async () => {
    const res = await t.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/me",
      ]),
    );
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("serves a reference page", async () => {
    const res = await t.request("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/api/v1/openapi.json");
  });
});
