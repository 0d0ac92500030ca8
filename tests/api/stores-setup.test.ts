import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupCodes, tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";
import { auditLog } from "@/lib/audit/schema";
import { issueSetupCode, newSetupCode, normalizeSetupCode } from "@/lib/tenants/setup";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import { createTestApi, expectError, type TestApi } from "./harness";

const body = (code: string | undefined, slug = "acme") => ({
  ...(code === undefined ? {} : { setup_code: code }),
  store: {
    slug,
    name: { en: "Acme Trading", ar: "أكمي للتجارة" },
    currency: "SAR",
    timezone: "Asia/Riyadh",
    vat_rate: 15,
    prices_include_vat: true,
    vat_number: "300000000000003",
  },
  owner: { name: "Huda Al-Harbi", email: "Huda@Acme.example", password: "a long enough secret" },
});

let t: TestApi;
let code: string;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const post = (json: unknown, ip?: string) =>
  t.request("/api/v1/setup", { method: "POST", json, ip });

describe("first-run setup", () => {
  it("says setup is needed on an empty database, without X-Tenant-ID", async () => {
    const res = await t.request("/api/v1/setup");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ needed: true, signup: "closed", mail: "off" });
  });

  it("stores only the code's SHA-256, never the code", async () => {
    code = (await issueSetupCode(t.db))!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const rows = await t.db.select().from(setupCodes);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("refuses without a code", async () => {
    await expectError(await post(body(undefined)), 403, "SETUP_CODE_INVALID");
  });

  it("refuses a wrong code", async () => {
    let wrong = newSetupCode();
    while (wrong === code) wrong = newSetupCode();
    await expectError(await post(body(wrong)), 403, "SETUP_CODE_INVALID");
    await expectError(await post(body("")), 403, "SETUP_CODE_INVALID");
    await expectError(await post(body("x".repeat(100))), 403, "SETUP_CODE_INVALID");
    expect(await t.db.select().from(tenants)).toHaveLength(0);
  });

  it("names invalid and reserved slugs and bad fields with 422", async () => {
    await expectError(await post(body(code, "-acme")), 422, "SLUG_INVALID");
    await expectError(await post(body(code, "ab")), 422, "SLUG_INVALID");
    await expectError(await post(body(code, "Ac\u0000me")), 422, "VALIDATION_ERROR");
    const reserved = await expectError(await post(body(code, "admin")), 422, "SLUG_RESERVED");
    expect(reserved.errors).toEqual([expect.objectContaining({ field: "store.slug" })]);
    const bad = body(code);
    bad.store.currency = "XXQ";
    bad.store.timezone = "Mars/Olympus";
    const fields = await expectError(await post(bad), 422, "VALIDATION_ERROR");
    expect(fields.errors!.map((e) => (e as { field: string }).field).sort()).toEqual([
      "store.currency",
      "store.timezone",
    ]);
    const weak = body(code);
    weak.owner.password = "short";
    const pw = await expectError(await post(weak), 422, "VALIDATION_ERROR");
    expect(pw.errors).toEqual([expect.objectContaining({ field: "owner.password" })]);
    expect(await t.db.select().from(tenants)).toHaveLength(0);
  });

  it("creates the store and its owner with the code typed loosely, and signs the owner in", async () => {
    const typed = code.toLowerCase().replace(/-/g, " ");
    expect(normalizeSetupCode(typed)).toBe(code);
    const res = await post(body(typed));
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const created = await res.json();
    expect(created).toMatchObject({
      store: {
        slug: "acme",
        name: { en: "Acme Trading", ar: "أكمي للتجارة" },
        currency: "SAR",
        time_zone: "Asia/Riyadh",
        vat_rate: 15,
        prices_include_vat: true,
        vat_number: "300000000000003",
      },
      token_type: "bearer",
      user: { email: "huda@acme.example", name: "Huda Al-Harbi", role: "owner" },
    });
    const me = await t.request("/api/v1/auth/me", {
      headers: { "x-tenant-id": "acme", authorization: `Bearer ${created.access_token}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { role: "owner" }, store_status: "active" });
    // The owner signs in with the password chosen at setup.
    const login = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "x-tenant-id": "acme" },
      json: { email: "huda@acme.example", password: "a long enough secret" },
    });
    expect(login.status).toBe(200);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "store.created"));
    expect(audit).toMatchObject({ actorType: "user", metadata: { via: "setup" } });
  });

  it("uses the code up, and refuses once a store exists", async () => {
    expect(await t.db.select().from(setupCodes)).toHaveLength(0);
    await expectError(await post(body(code, "second")), 409, "SETUP_DONE");
    // Even with a fresh code (another instance started): one store per first run.
    await t.db.insert(setupCodes).values({
      codeHash: "0".repeat(64),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    await expectError(await post(body(newSetupCode(), "third")), 409, "SETUP_DONE");
    expect(await issueSetupCode(t.db)).toBeUndefined();
    const res = await t.request("/api/v1/setup");
    expect(await res.json()).toEqual({ needed: false, signup: "closed", mail: "off" });
    expect(await t.db.select().from(users)).toHaveLength(1);
  });

  it("throttles attempts per address", async () => {
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(body("WRONG-CODE-0000"), ip)).status);
    expect(statuses.slice(0, 10).every((s) => s === 409)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("slug availability", () => {
  const check = async (slug: string) => {
    const res = await t.request(
      `/api/v1/stores/slug-availability?slug=${encodeURIComponent(slug)}`,
    );
    expect(res.status).toBe(200);
    return res.json();
  };
  it("says why a slug cannot be had", async () => {
    expect(await check("acme")).toEqual({ slug: "acme", available: false, reason: "taken" });
    expect(await check(" ACME ")).toEqual({ slug: "acme", available: false, reason: "taken" });
    expect(await check("www")).toEqual({ slug: "www", available: false, reason: "reserved" });
    expect(await check("demo")).toEqual({ slug: "demo", available: false, reason: "reserved" });
    expect(await check("a_b")).toEqual({ slug: "a_b", available: false, reason: "invalid" });
    expect(await check("acme-2")).toEqual({ slug: "acme-2", available: true, reason: null });
  });
  it("answers hostile input without a 500", async () => {
    for (const raw of ["%ED%A0%80", "a%00bc", "%FF%FE", "acme%0A"]) {
      const res = await t.request(`/api/v1/stores/slug-availability?slug=${raw}`);
      expect([200, 422]).toContain(res.status);
      if (res.status === 200) expect((await res.json()).available).toBe(false);
    }
    const long = await t.request(`/api/v1/stores/slug-availability?slug=${"a".repeat(5000)}`);
    expect(long.status).toBe(422);
    const missing = await t.request("/api/v1/stores/slug-availability");
    expect(missing.status).toBe(422);
  });
});

describe("SDK", () => {
  it("reads setup status and checks slugs without a store", async () => {
    const sdk = new BrainSAITStore({
      tenantId: "",
      fetch: (r) => Promise.resolve(t.api.fetch(r, {})),
      maxRetries: 0,
    });
    expect(await sdk.setup.status()).toEqual({ needed: false, signup: "closed", mail: "off" });
    expect(await sdk.stores.slugAvailability("acme")).toMatchObject({ reason: "taken" });
    const err = await sdk.setup
      .complete({
        setupCode: "nope",
        store: {
          slug: "other",
          name: { en: "O", ar: "س" },
          currency: "SAR",
          timezone: "Asia/Riyadh",
          vatRate: 15,
          pricesIncludeVat: true,
        },
        owner: { name: "O", email: "o@example.test", password: "long enough pw" },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreApiError);
    expect((err as StoreApiError).code).toBe("SETUP_DONE");
  });
});

describe("listing stores (the command line's list)", () => {
  it("shows a pending owner invitation until it expires, then no owner", async () => {
    const { createStoreWithInvitation, listStores } = await import("@/lib/tenants/stores");
    const week = 7 * 86_400_000;
    await createStoreWithInvitation(
      t.db,
      { slug: "fresh-invite", nameEn: "Fresh", nameAr: "جديد" },
      "a@fresh.example",
      "http://localhost:3000",
    );
    await createStoreWithInvitation(
      t.db,
      { slug: "stale-invite", nameEn: "Stale", nameAr: "قديم" },
      "b@stale.example",
      "http://localhost:3000",
      new Date(Date.now() - week - 1000),
    );
    const listed = await listStores(t.db);
    expect(listed.find((s) => s.slug === "fresh-invite")?.owner).toEqual({
      email: "a@fresh.example",
      invited: true,
    });
    expect(listed.find((s) => s.slug === "stale-invite")?.owner).toBeNull();
    expect(listed.find((s) => s.slug === "acme")?.owner).toEqual({
      email: "huda@acme.example",
      invited: false,
    });
  });
});
