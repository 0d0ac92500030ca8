import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { refreshTokens } from "@/lib/auth/schema";
import { auditLog } from "@/lib/audit/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  PASSWORD,
  type TestApi,
} from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const post = (path: string, tenant: string, json: unknown, extra: Record<string, string> = {}) =>
  t.request(path, { method: "POST", headers: { "x-tenant-id": tenant, ...extra }, json });

describe("POST /api/v1/auth/login", () => {
  it("returns tokens and the user, as the integration guide reads them", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant, { role: "staff", email: "Staff@Example.test" });
    const res = await post("/api/v1/auth/login", tenant.slug, {
      email: "staff@example.TEST",
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({
      token_type: "bearer",
      expires_in: 900,
      user: { id: user.id, role: "staff" },
    });
    expect(body.access_token.split(".")).toHaveLength(3);
    expect(body.refresh_token).toMatch(/^bsr_[A-Za-z0-9_-]{43}$/);
    // Only the hash of the refresh token is stored.
    const rows = await t.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(body.refresh_token.slice(4, 20));
    expect(JSON.stringify(rows)).not.toContain(body.refresh_token);
  });

  it("refuses a wrong password and an unknown email with the same reply", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const wrong = await post("/api/v1/auth/login", tenant.slug, {
      email: user.email,
      password: "nope",
    });
    const unknown = await post("/api/v1/auth/login", tenant.slug, {
      email: "ghost@example.test",
      password: "nope",
    });
    const a = await expectError(wrong, 401, "AUTH_002");
    const b = await expectError(unknown, 401, "AUTH_002");
    expect({ ...a, request_id: undefined }).toEqual({ ...b, request_id: undefined });
    expect(a.type).toBe("authentication_error");
  });

  it("refuses a deactivated account", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant, { status: "deactivated" });
    await expectError(
      await post("/api/v1/auth/login", tenant.slug, { email: user.email, password: PASSWORD }),
      401,
      "AUTH_002",
    );
  });

  it("does not sign a user of one store into another store", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const user = await createUser(t, a);
    await expectError(
      await post("/api/v1/auth/login", b.slug, { email: user.email, password: PASSWORD }),
      401,
      "AUTH_002",
    );
  });

  it("answers 422 with the failing fields", async () => {
    const tenant = await createTenant(t);
    const res = await post("/api/v1/auth/login", tenant.slug, { email: "not-an-email" });
    const body = await expectError(res, 422, "VALIDATION_ERROR");
    expect(body.type).toBe("validation_error");
    const fields = (body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(["email", "password"]);
  });

  it("answers 400 (not 500) to a body that is not JSON", async () => {
    const tenant = await createTenant(t);
    const res = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body).toHaveProperty("detail");
    expect(body).toHaveProperty("code");
  });

  it("slows down repeated failures for one account from one address with 429, without revealing whether it exists", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const ip = "203.0.113.7";
    const attempt = (email: string, password: string) =>
      t.request("/api/v1/auth/login", {
        method: "POST",
        ip,
        headers: { "x-tenant-id": tenant.slug },
        json: { email, password },
      });
    for (const email of [user.email, "nobody@example.test"]) {
      for (let i = 0; i < 5; i++) {
        await expectError(await attempt(email, "wrong"), 401, "AUTH_002");
      }
      const blocked = await attempt(email, "wrong");
      await expectError(blocked, 429, "RATE_LIMIT_EXCEEDED");
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Even the right password waits until the window passes: the attacker cannot probe.
    // (Other addresses are not held back: tests/api/hostile-access.test.ts.)
    await expectError(await attempt(user.email, PASSWORD), 429, "RATE_LIMIT_EXCEEDED");
  });

  it("slows down one address trying many accounts", async () => {
    const tenant = await createTenant(t);
    const ip = "203.0.113.9";
    for (let i = 0; i < 50; i++) {
      const res = await t.request("/api/v1/auth/login", {
        method: "POST",
        ip,
        headers: { "x-tenant-id": tenant.slug },
        json: { email: `spray${i}@example.test`, password: "wrong" },
      });
      expect(res.status).toBe(401);
    }
    const res = await t.request("/api/v1/auth/login", {
      method: "POST",
      ip,
      headers: { "x-tenant-id": tenant.slug },
      json: { email: "another@example.test", password: "wrong" },
    });
    await expectError(res, 429, "RATE_LIMIT_EXCEEDED");
  });

  it("records sign-ins and failures in the audit log", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    await login(t, tenant, user);
    await post("/api/v1/auth/login", tenant.slug, { email: user.email, password: "wrong" });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(rows.map((r) => r.action).sort()).toEqual(["auth.login", "auth.login_failed"]);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});

describe("POST /api/v1/auth/refresh", () => {
  it("rotates: the new pair works, the old refresh token does not", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const first = await login(t, tenant, user);
    const res = await post("/api/v1/auth/refresh", tenant.slug, {
      refresh_token: first.refresh_token,
    });
    expect(res.status).toBe(200);
    const second = await res.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const me = await t.request("/api/v1/auth/me", {
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${second.access_token}` },
    });
    expect(me.status).toBe(200);
  });

  it("treats reuse of a spent refresh token as theft and revokes the whole family", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const first = await login(t, tenant, user);
    const second = await (
      await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: first.refresh_token })
    ).json();
    // An attacker replays the first token...
    await expectError(
      await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: first.refresh_token }),
      401,
      "AUTH_004",
    );
    // ...and the legitimate holder's newer token is dead too.
    await expectError(
      await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: second.refresh_token }),
      401,
      "AUTH_003",
    );
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(audit.map((r) => r.action)).toContain("auth.refresh_reuse_detected");
  });

  it("lets exactly one of two concurrent refreshes with the same token win", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const first = await login(t, tenant, user);
    const results = await Promise.all(
      [1, 2].map(() =>
        post("/api/v1/auth/refresh", tenant.slug, { refresh_token: first.refresh_token }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("refuses an expired refresh token", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const first = await login(t, tenant, user);
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 31 * 24 * 3600 * 1000);
    try {
      await expectError(
        await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: first.refresh_token }),
        401,
        "AUTH_003",
      );
    } finally {
      t.clock.now = saved;
    }
  });

  it("refuses a refresh token of another store with 403", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const tokens = await login(t, a, await createUser(t, a));
    await expectError(
      await post("/api/v1/auth/refresh", b.slug, { refresh_token: tokens.refresh_token }),
      403,
      "TENANT_MISMATCH",
    );
  });

  it("refuses a made-up token", async () => {
    const tenant = await createTenant(t);
    await expectError(
      await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: "bsr_made-up" }),
      401,
      "AUTH_003",
    );
  });
});

describe("POST /api/v1/auth/logout", () => {
  it("revokes the refresh token's session", async () => {
    const tenant = await createTenant(t);
    const tokens = await login(t, tenant, await createUser(t, tenant));
    const res = await post("/api/v1/auth/logout", tenant.slug, {
      refresh_token: tokens.refresh_token,
    });
    expect(res.status).toBe(204);
    await expectError(
      await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: tokens.refresh_token }),
      401,
      "AUTH_003",
    );
    // Signing out twice is fine.
    expect(
      (await post("/api/v1/auth/logout", tenant.slug, { refresh_token: tokens.refresh_token }))
        .status,
    ).toBe(204);
  });

  it("with only a bearer token, ends that token's session", async () => {
    const tenant = await createTenant(t);
    const tokens = await login(t, tenant, await createUser(t, tenant));
    const res = await t.request("/api/v1/auth/logout", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(204);
    await expectError(
      await post("/api/v1/auth/refresh", tenant.slug, { refresh_token: tokens.refresh_token }),
      401,
      "AUTH_003",
    );
  });

  it("with neither, asks for authentication", async () => {
    const tenant = await createTenant(t);
    await expectError(
      await t.request("/api/v1/auth/logout", {
        method: "POST",
        headers: { "x-tenant-id": tenant.slug },
      }),
      401,
      "AUTH_001",
    );
  });
});

describe("GET /api/v1/auth/me", () => {
  it("returns the user and the store", async () => {
    const tenant = await createTenant(t, {
      nameEn: "Dates & Co",
      nameAr: "شركة التمور",
      currency: "SAR",
      vatRateBp: 1500,
    });
    const user = await createUser(t, tenant, { role: "viewer" });
    const tokens = await login(t, tenant, user);
    const res = await t.request("/api/v1/auth/me", {
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: "viewer" },
      preferences: { digits: "latn", calendar: "gregory" },
      tenant: {
        id: tenant.id,
        slug: tenant.slug,
        name: { en: "Dates & Co", ar: "شركة التمور" },
        currency: "SAR",
        time_zone: "Asia/Riyadh",
        vat_rate: 15,
        prices_include_vat: true,
        default_locale: "ar",
        vat_number: null,
        logo_url: null,
      },
      store_status: "active",
    });
  });

  it("401 AUTH_001 without a token, in the guide's exact shape", async () => {
    const tenant = await createTenant(t);
    const res = await t.request("/api/v1/auth/me", { headers: { "x-tenant-id": tenant.slug } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      detail: "Authentication required",
      type: "authentication_error",
      code: "AUTH_001",
    });
  });

  it("401 for a tampered or expired token", async () => {
    const tenant = await createTenant(t);
    const tokens = await login(t, tenant, await createUser(t, tenant));
    const [h, p, s] = tokens.access_token.split(".");
    const tampered = `${h}.${p}.${s!.slice(0, -2)}AA`;
    const headers = (tok: string) => ({
      "x-tenant-id": tenant.slug,
      authorization: `Bearer ${tok}`,
    });
    await expectError(
      await t.request("/api/v1/auth/me", { headers: headers(tampered) }),
      401,
      "AUTH_003",
    );
    // Used while valid (so the server has verified and remembered it), then refused once expired.
    expect(
      (await t.request("/api/v1/auth/me", { headers: headers(tokens.access_token) })).status,
    ).toBe(200);
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 16 * 60 * 1000);
    try {
      await expectError(
        await t.request("/api/v1/auth/me", { headers: headers(tokens.access_token) }),
        401,
        "AUTH_003",
      );
    } finally {
      t.clock.now = saved;
    }
  });

  it("403 TENANT_MISMATCH, never the other store's data, for a token of another store", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const tokens = await login(t, a, await createUser(t, a));
    const res = await t.request("/api/v1/auth/me", {
      headers: { "x-tenant-id": b.slug, authorization: `Bearer ${tokens.access_token}` },
    });
    const body = await expectError(res, 403, "TENANT_MISMATCH");
    expect(JSON.stringify(body)).not.toContain(b.id);
  });

  it("401 once the user is deactivated, even with a live token", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const tokens = await login(t, tenant, user);
    const { users } = await import("@/lib/users/schema");
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    await expectError(
      await t.request("/api/v1/auth/me", {
        headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${tokens.access_token}` },
      }),
      401,
      "AUTH_003",
    );
  });
});
