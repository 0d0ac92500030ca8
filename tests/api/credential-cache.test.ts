import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createApi } from "@/lib/api/app";
import { generateApiKey } from "@/lib/api-keys/format";
import { credentialCache, type CredentialCache } from "@/lib/auth/credential-cache";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import {
  createTenant,
  createTestApi,
  expectError,
  signIn,
  testDeps,
  type TestApi,
} from "./harness";

// A verified API key is cached per instance (lib/auth/credential-cache.ts); every change that
// could alter what it verifies to must reach every instance on the next request.
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const PRODUCTS = "/api/v1/store/products";

async function keyOf(tenant: Tenant, role: Role, scopes = ["products:read"]) {
  const creator = await signIn(t, tenant, role);
  const res = await t.request("/api/v1/api-keys", {
    method: "POST",
    headers: creator.headers,
    json: { name: "Integration", scopes },
  });
  expect(res.status).toBe(201);
  const { id, key } = (await res.json()) as { id: string; key: string };
  return { id, key, creator };
}

/** A request with the key, asserting whether the cache answered it. */
async function withKey(
  api: { request: TestApi["request"]; credentials: CredentialCache },
  tenant: Tenant,
  key: string,
  init: { method?: string; json?: unknown } = {},
) {
  const hits = api.credentials.stats.hits;
  const res = await api.request(PRODUCTS, {
    ...init,
    headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${key}` },
  });
  return Object.assign(res, { cached: api.credentials.stats.hits > hits });
}

/**
 * Uses the key until the cache answers (at most a second). On PostgreSQL the instance also hears
 * its own announcement of the key's creation, just after commit, and drops it once more.
 */
async function warm(api: Parameters<typeof withKey>[0], tenant: Tenant, key: string) {
  const deadline = Date.now() + 1_000;
  let res;
  do {
    res = await withKey(api, tenant, key);
    expect(res.status).toBe(200);
  } while (!res.cached && Date.now() < deadline);
  expect(res.cached).toBe(true);
}

/** A new store with a key of one of its members, already answered from `api`'s cache. */
async function warmKey(api: Parameters<typeof withKey>[0], role: Role = "owner") {
  const tenant = await createTenant(t);
  const made = await keyOf(tenant, role);
  await warm(api, tenant, made.key);
  return { tenant, ...made };
}

async function revoke(id: string, creator: { headers: Record<string, string> }) {
  const res = await t.request(`/api/v1/api-keys/${id}`, {
    method: "DELETE",
    headers: creator.headers,
  });
  expect(res.status).toBe(204);
}

describe("on one instance", () => {
  it("a revoked key is refused on the very next request", async () => {
    const { tenant, id, key, creator } = await warmKey(t);
    await revoke(id, creator);
    await expectError(await withKey(t, tenant, key), 401, "AUTH_007");
  });

  it("a rolled key with no grace is refused on the very next request", async () => {
    const { tenant, id, key, creator } = await warmKey(t);
    const res = await t.request(`/api/v1/api-keys/${id}/roll`, {
      method: "POST",
      headers: creator.headers,
      json: { grace_hours: 0 },
    });
    expect(res.status).toBe(201);
    await expectError(await withKey(t, tenant, key), 401, "AUTH_006");
  });

  it("demoting the creator narrows the key at once; deactivating refuses it", async () => {
    const tenant = await createTenant(t);
    const owner = await signIn(t, tenant, "owner");
    const { key, creator } = await keyOf(tenant, "admin", ["products:read", "products:write"]);
    const write = () =>
      withKey(t, tenant, key, {
        method: "POST",
        json: { name: { en: "Lamp" }, price: 10, currency: "SAR" },
      });
    expect((await write()).status).toBe(201);
    await warm(t, tenant, key);
    const patch = (change: object) =>
      t.request(`/api/v1/users/${creator.user.id}`, {
        method: "PATCH",
        headers: owner.headers,
        json: change,
      });

    expect((await patch({ role: "viewer" })).status).toBe(200);
    await expectError(await write(), 403, "INSUFFICIENT_SCOPE");
    await warm(t, tenant, key); // reading is still within a viewer's role

    expect((await patch({ status: "deactivated" })).status).toBe(200);
    await expectError(await withKey(t, tenant, key), 401, "AUTH_008");
  });

  it("a cached key of one store is still refused for another (403 TENANT_MISMATCH)", async () => {
    const [a, b] = [await createTenant(t), await createTenant(t)];
    const { key } = await keyOf(a, "owner");
    await warm(t, a, key);
    const res = await withKey(t, b, key);
    expect(res.cached).toBe(true);
    await expectError(res, 403, "TENANT_MISMATCH");
  });

  it("an expiry passes on a cached key without a database read", async () => {
    const tenant = await createTenant(t);
    const creator = await signIn(t, tenant, "owner");
    const expiresAt = new Date(t.clock.now.getTime() + 3600_000);
    const res = await t.request("/api/v1/api-keys", {
      method: "POST",
      headers: creator.headers,
      json: { name: "Short", scopes: ["products:read"], expires_at: expiresAt.toISOString() },
    });
    const { key } = (await res.json()) as { key: string };
    await warm(t, tenant, key);
    const realNow = t.clock.now;
    t.clock.now = new Date(expiresAt.getTime() + 1);
    try {
      const expired = await withKey(t, tenant, key);
      expect(expired.cached).toBe(true);
      await expectError(expired, 401, "AUTH_006");
    } finally {
      t.clock.now = realNow;
    }
  });

  it("an unknown key is not remembered", async () => {
    const tenant = await createTenant(t);
    await keyOf(tenant, "owner");
    const size = t.credentials.size;
    // Well-formed, so it is looked up (a typo fails the checksum before any lookup).
    await expectError(await withKey(t, tenant, generateApiKey()), 401, "AUTH_005");
    expect(t.credentials.size).toBe(size);
  });
});

// Two instances on one PostgreSQL database: a change made through one reaches the other.
describe.runIf(process.env.DATABASE_URL)("across instances (PostgreSQL)", () => {
  let b: { request: TestApi["request"]; credentials: CredentialCache };
  beforeAll(async () => {
    const credentials = credentialCache(t.database);
    await credentials.ready();
    const api = createApi(testDeps(t.database, { credentials }).deps);
    b = { request: (path, init) => api.request(path, init as RequestInit), credentials };
  });
  afterAll(() => b.credentials.close());

  async function untilRefused(tenant: Tenant, key: string) {
    const deadline = Date.now() + 1_000;
    for (;;) {
      const res = await withKey(b, tenant, key);
      if (res.status !== 200 || Date.now() > deadline) return res;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("a key revoked on instance A is refused on instance B within a second", async () => {
    const { tenant, id, key, creator } = await warmKey(b);
    await revoke(id, creator);
    await expectError(await untilRefused(tenant, key), 401, "AUTH_007");
  });

  it("a creator deactivated on A stops the key on B within a second", async () => {
    const tenant = await createTenant(t);
    const owner = await signIn(t, tenant, "owner");
    const { key, creator } = await keyOf(tenant, "admin");
    await warm(b, tenant, key);
    await t.request(`/api/v1/users/${creator.user.id}`, {
      method: "PATCH",
      headers: owner.headers,
      json: { status: "deactivated" },
    });
    await expectError(await untilRefused(tenant, key), 401, "AUTH_008");
  });

  it("a dropped listener empties the cache, which refills once it listens again", async () => {
    const { tenant, key } = await warmKey(b);
    const admin = new pg.Client({ connectionString: t.database.url });
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where application_name = 'brainsait-credentials' and datname = current_database()`,
    );
    await admin.end();
    const deadline = Date.now() + 5_000;
    while (b.credentials.listening && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(b.credentials.size).toBe(0);
    while (!b.credentials.listening && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(b.credentials.listening).toBe(true);
    await warm(b, tenant, key);
  });
});
