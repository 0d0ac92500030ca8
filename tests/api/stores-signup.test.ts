import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";
import { auditLog } from "@/lib/audit/schema";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import { createTenant, createTestApi, expectError, type TestApi } from "./harness";

const signup = (slug: string, email = `${slug}@example.test`) => ({
  store: { slug, name: { en: `Shop ${slug}`, ar: `متجر ${slug}` }, currency: "AED" },
  owner: { name: "Omar", email, password: "a long enough secret" },
});

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const post = (json: unknown, ip?: string) =>
  t.request("/api/v1/signup", { method: "POST", json, ip });

describe("sign-up closed (the default)", () => {
  it("answers 404 SIGNUP_CLOSED and creates nothing", async () => {
    expect(t.config.signup).toBeUndefined();
    await expectError(await post(signup("closed-shop")), 404, "SIGNUP_CLOSED");
    t.config.signup = "closed";
    await expectError(await post(signup("closed-shop")), 404, "SIGNUP_CLOSED");
    expect(await t.db.select().from(tenants)).toHaveLength(0);
    const status = await (await t.request("/api/v1/setup")).json();
    expect(status.signup).toBe("closed");
  });
});

describe("sign-up open (SIGNUP=open)", () => {
  beforeAll(() => {
    t.config.signup = "open";
  });

  it("says so, and creates a store with its owner signed in", async () => {
    expect((await (await t.request("/api/v1/setup")).json()).signup).toBe("open");
    const res = await post(signup("dates-and-co", "Omar@Dates.example"));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      store: { slug: "dates-and-co", currency: "AED", name: { en: "Shop dates-and-co" } },
      token_type: "bearer",
      user: { role: "owner", email: "omar@dates.example" },
    });
    const me = await t.request("/api/v1/auth/me", {
      headers: { "x-tenant-id": "dates-and-co", authorization: `Bearer ${body.access_token}` },
    });
    expect(me.status).toBe(200);
    const [row] = await t.db.select().from(tenants).where(eq(tenants.slug, "dates-and-co"));
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.tenantId, row!.id));
    expect(audit).toMatchObject({ action: "store.created", metadata: { via: "signup" } });
  });

  it("applies the slug rules: taken, reserved, invalid", async () => {
    await createTenant(t, { slug: "taken-shop" });
    const taken = await expectError(await post(signup("taken-shop")), 409, "SLUG_TAKEN");
    expect(taken.errors).toEqual([expect.objectContaining({ field: "store.slug" })]);
    await expectError(await post(signup("demo")), 422, "SLUG_RESERVED");
    await expectError(await post(signup("api")), 422, "SLUG_RESERVED");
    await expectError(await post(signup("shop-")), 422, "SLUG_INVALID");
    await expectError(await post(signup("x".repeat(41))), 422, "SLUG_INVALID");
    await expectError(await post(signup("بقالة", "grocer@example.test")), 422, "SLUG_INVALID");
    // A slug that differs only in case is the same store ID.
    await expectError(await post(signup("Taken-Shop")), 409, "SLUG_TAKEN");
  });

  it("names bad fields with 422 and never answers 500 to hostile input", async () => {
    const bad = signup("fine-shop");
    bad.owner.email = "not-an-email";
    const err = await expectError(await post(bad), 422, "VALIDATION_ERROR");
    expect(err.errors).toEqual([expect.objectContaining({ field: "owner.email" })]);
    const cur = signup("fine-shop");
    cur.store.currency = "ZZZ";
    const c = await expectError(await post(cur), 422, "VALIDATION_ERROR");
    expect(c.errors).toEqual([expect.objectContaining({ field: "store.currency" })]);
    for (const hostile of ["\u0000", "\ud800", "x".repeat(100_000)]) {
      const h = signup("fine-shop");
      h.store.name.en = hostile;
      const res = await post(h);
      expect([413, 422]).toContain(res.status);
    }
    expect((await post("not json" as unknown)).status).toBeLessThan(500);
  });

  it("creates at most 5 stores an hour from one address", async () => {
    const ip = "198.51.100.23";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(signup(`burst-${i}`), ip)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    // Another address is not held back.
    expect((await post(signup("burst-other"), "198.51.100.24")).status).toBe(201);
  });

  it("counts failed attempts too (20 an hour per address)", async () => {
    const ip = "198.51.100.99";
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await post(signup("api"), ip)).status);
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it("works through the SDK", async () => {
    const sdk = new BrainSAITStore({
      tenantId: "",
      fetch: (r) => Promise.resolve(t.api.fetch(r, {})),
      maxRetries: 0,
    });
    const created = await sdk.signup({
      store: { slug: "via-sdk", name: { en: "Via SDK", ar: "عبر الحزمة" } },
      owner: { name: "Lina", email: "lina@example.test", password: "a long enough secret" },
    });
    expect(created.store.slug).toBe("via-sdk");
    expect(created.accessToken).toBeTruthy();
    const err = await sdk
      .signup({
        store: { slug: "via-sdk", name: { en: "Again", ar: "مرة أخرى" } },
        owner: { name: "Lina", email: "lina@example.test", password: "a long enough secret" },
      })
      .catch((e: unknown) => e);
    expect((err as StoreApiError).code).toBe("SLUG_TAKEN");
    const [owner] = await t.db.select().from(users).where(eq(users.email, "lina@example.test"));
    expect(owner?.role).toBe("owner");
  });
});
