import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiKeys } from "@/lib/api-keys/schema";
import { generateApiKey, isWellFormedApiKey } from "@/lib/api-keys/format";
import { BrainSAITStore } from "@/lib/sdk";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ keyRateLimitPoints: 5 });
});
afterAll(() => t.close());

async function signedIn(role: Role = "owner", tenant?: Tenant) {
  tenant ??= await createTenant(t);
  const user = await createUser(t, tenant, { role });
  const { access_token } = await login(t, tenant, user);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(`/api/v1/api-keys${path}`, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  return { tenant, user, call };
}

const withKey = (
  tenant: Tenant,
  key: string,
  path = "/api/v1/store/products",
  init: { method?: string; json?: unknown } = {},
) =>
  t.request(path, {
    ...init,
    headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${key}` },
  });

async function newKey(call: Awaited<ReturnType<typeof signedIn>>["call"], body: object = {}) {
  const res = await call("POST", "", { name: "Integration", scopes: ["products:read"], ...body });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    id: string;
    key: string;
    prefix: string;
    last4: string;
    status: string;
  };
}

describe("key format", () => {
  it("bsk_live_ + 43 base62 characters + a 6-character checksum; a typo fails the checksum", () => {
    const key = generateApiKey();
    expect(key).toMatch(/^bsk_live_[0-9A-Za-z]{49}$/);
    expect(isWellFormedApiKey(key)).toBe(true);
    const i = 20;
    const typo = key.slice(0, i) + (key[i] === "a" ? "b" : "a") + key.slice(i + 1);
    expect(isWellFormedApiKey(typo)).toBe(false);
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false);
  });
});

describe("API keys", () => {
  it("shows the key once, keeps only its hash, and the key works with X-Tenant-ID", async () => {
    const { call, tenant } = await signedIn();
    const created = await newKey(call);
    expect(created.key).toMatch(/^bsk_live_/);
    expect(created.prefix).toBe(created.key.slice(0, 13));
    expect(created.last4).toBe(created.key.slice(-4));
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(13, -4));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await (await call("GET", "")).json();
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(listed.data[0]).toMatchObject({
      id: created.id,
      status: "active",
      scopes: ["products:read"],
      created_by: { email: expect.any(String) },
    });
    expect((await withKey(tenant, created.key)).status).toBe(200);
  });

  it("rejects a key with a bad checksum without a lookup, and an unknown well-formed key", async () => {
    const { tenant } = await signedIn();
    await expectError(await withKey(tenant, "bsk_live_" + "a".repeat(49)), 401, "AUTH_005");
    await expectError(await withKey(tenant, generateApiKey()), 401, "AUTH_005");
  });

  it("a read-only key cannot write: 403 INSUFFICIENT_SCOPE", async () => {
    const { call, tenant } = await signedIn();
    const { key } = await newKey(call, { scopes: ["products:read"] });
    const res = await withKey(tenant, key, "/api/v1/store/products", {
      method: "POST",
      json: { name: { en: "x" }, price: 1 },
    });
    await expectError(res, 403, "INSUFFICIENT_SCOPE");
  });

  it("write implies read", async () => {
    const { call, tenant } = await signedIn();
    const { key } = await newKey(call, { scopes: ["products:write"] });
    expect((await withKey(tenant, key)).status).toBe(200);
    expect(
      (
        await withKey(tenant, key, "/api/v1/store/products", {
          method: "POST",
          json: { name: { en: "x" }, price: 1 },
        })
      ).status,
    ).toBe(201);
  });

  it("works with the SDK as the guide shows: new BrainSAITStore({ apiKey, tenantId })", async () => {
    const { call, tenant } = await signedIn();
    const { key } = await newKey(call, { scopes: ["products:write"] });
    const store = new BrainSAITStore({
      apiKey: key,
      tenantId: tenant.slug,
      fetch: (r) => Promise.resolve(t.api.fetch(r)),
    });
    const product = await store.products.create({ name: { en: "Via key" }, price: 5 });
    expect((await store.products.get(product.id)).name.en).toBe("Via key");
  });

  it("a key of another store is refused with 403", async () => {
    const a = await signedIn();
    const b = await signedIn();
    const { key } = await newKey(a.call);
    await expectError(await withKey(b.tenant, key), 403, "TENANT_MISMATCH");
  });

  it("expires", async () => {
    const { call, tenant } = await signedIn();
    const expiresAt = new Date(t.clock.now.getTime() + 3600_000).toISOString();
    const { key } = await newKey(call, { expires_at: expiresAt });
    expect((await withKey(tenant, key)).status).toBe(200);
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 2 * 3600_000);
    try {
      await expectError(await withKey(tenant, key), 401, "AUTH_006");
    } finally {
      t.clock.now = saved;
    }
  });

  it("an expiry in the past is a 422", async () => {
    const { call } = await signedIn();
    await expectError(
      await call("POST", "", {
        name: "x",
        scopes: ["products:read"],
        expires_at: "2001-01-01T00:00:00Z",
      }),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("rolls: the new key works at once, the old one until the grace period ends", async () => {
    const { call, tenant } = await signedIn();
    const old = await newKey(call);
    const res = await call("POST", `/${old.id}/roll`, { grace_hours: 2 });
    expect(res.status).toBe(201);
    const rolled = await res.json();
    expect(rolled.key).not.toBe(old.key);
    expect((await withKey(tenant, rolled.key)).status).toBe(200);
    expect((await withKey(tenant, old.key)).status).toBe(200);
    const listed = (await (await call("GET", "")).json()).data as { id: string; status: string }[];
    expect(listed.find((k) => k.id === old.id)!.status).toBe("expiring");
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 2 * 3600_000 + 1000);
    try {
      await expectError(await withKey(tenant, old.key), 401, "AUTH_006");
      expect((await withKey(tenant, rolled.key)).status).toBe(200);
    } finally {
      t.clock.now = saved;
    }
  });

  it("rolls with grace 0: the old key stops at once; grace over 168 hours is refused", async () => {
    const { call, tenant } = await signedIn();
    const old = await newKey(call);
    await expectError(
      await call("POST", `/${old.id}/roll`, { grace_hours: 169 }),
      422,
      "VALIDATION_ERROR",
    );
    await call("POST", `/${old.id}/roll`, { grace_hours: 0 });
    await expectError(await withKey(tenant, old.key), 401, "AUTH_006");
  });

  it("revokes at once", async () => {
    const { call, tenant } = await signedIn();
    const { id, key } = await newKey(call);
    expect((await call("DELETE", `/${id}`)).status).toBe(204);
    await expectError(await withKey(tenant, key), 401, "AUTH_007");
    expect(((await (await call("GET", "")).json()).data as { status: string }[])[0]!.status).toBe(
      "revoked",
    );
  });

  it("another store cannot see, roll or revoke a key", async () => {
    const a = await signedIn();
    const b = await signedIn();
    const { id } = await newKey(a.call);
    expect((await (await b.call("GET", "")).json()).data).toEqual([]);
    await expectError(
      await b.call("POST", `/${id}/roll`, { grace_hours: 1 }),
      404,
      "API_KEY_NOT_FOUND",
    );
    await expectError(await b.call("DELETE", `/${id}`), 404, "API_KEY_NOT_FOUND");
  });

  it("limits each key separately: 429 with Retry-After past its budget", async () => {
    const { call, tenant } = await signedIn();
    const first = await newKey(call);
    const second = await newKey(call);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await withKey(tenant, first.key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await withKey(tenant, first.key);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    expect(limited.headers.get("x-rate-limit-limit")).toBe("5");
    expect((await withKey(tenant, second.key)).status).toBe(200);
  });

  it("records last use in batches, not per request", async () => {
    const { call, tenant } = await signedIn();
    const { id, key } = await newKey(call);
    await withKey(tenant, key);
    const [before] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(before!.lastUsedAt).toBeNull();
    await t.keyUsage.flush();
    const [after] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(after!.lastUsedAt?.getTime()).toBe(t.clock.now.getTime());
  });
});

describe("who may manage keys", () => {
  it.each<[Role, number]>([
    ["owner", 201],
    ["admin", 201],
    ["staff", 403],
    ["viewer", 403],
  ])("%s creating a key: %i", async (role, status) => {
    const { call } = await signedIn(role);
    expect((await call("POST", "", { name: "x", scopes: ["products:read"] })).status).toBe(status);
    expect((await call("GET", "")).status).toBe(status === 201 ? 200 : 403);
  });

  it("a key never holds more than its creator: scopes the role lacks are refused", async () => {
    const { call } = await signedIn("admin");
    expect((await call("POST", "", { name: "x", scopes: ["webhooks:write"] })).status).toBe(201);
    await expectError(
      await call("POST", "", { name: "x", scopes: ["nope:read"] }),
      422,
      "VALIDATION_ERROR",
    );
  });

  it("a key cannot manage keys", async () => {
    const { call, tenant } = await signedIn();
    const { key } = await newKey(call, { scopes: ["products:write", "webhooks:write"] });
    const res = await withKey(tenant, key, "/api/v1/api-keys", {
      method: "POST",
      json: { name: "x", scopes: ["products:read"] },
    });
    await expectError(res, 403, "INSUFFICIENT_SCOPE");
  });
});
