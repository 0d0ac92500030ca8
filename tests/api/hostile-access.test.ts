import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { outboxEvents } from "@/lib/events/schema";
import type { Tenant } from "@/lib/tenants/schema";
import { users, type Role, type User } from "@/lib/users/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  PASSWORD,
  type TestApi,
} from "./harness";

/**
 * Issue 10, access: who may read and change what (events feed, keys of departed members, owners'
 * names), and what a client can cost or lock without a credential (invitations, sign-in).
 */
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const mod = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...mod,
    hashPassword: (password: string) => {
      hashes.count++;
      return mod.hashPassword(password);
    },
  };
});

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

async function member(tenant: Tenant, role: Role) {
  const user = await createUser(t, tenant, { role });
  const { access_token } = await login(t, tenant, user);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  return { user, call };
}

async function newKey(tenant: Tenant, by: Awaited<ReturnType<typeof member>>, scopes: string[]) {
  const res = await by.call("POST", "/api/v1/api-keys", { name: "Integration", scopes });
  expect(res.status).toBe(201);
  const { key } = (await res.json()) as { key: string };
  return (path: string) =>
    t.request(path, { headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${key}` } });
}

describe("GET /events/recent shows only events of resources the caller may read", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await createTenant(t);
    const event = (event: string, data: Record<string, unknown>) => ({
      tenantId: tenant.id,
      event,
      apiVersion: "2026-11-01",
      data,
    });
    await t.db.insert(outboxEvents).values([
      event("product.created", { id: "p1", name: { en: "Mug" } }),
      event("order.created", {
        id: "o1",
        number: 1001,
        total: 5000,
        email: "buyer@example.test",
      }),
      event("user.created", { id: "u1", name: "New", email: "member@example.test" }),
      event("payment.completed", { id: "pay1", total: 5000 }),
      event("webhook.endpoint_disabled", { id: "w1", url: "https://example.test/h" }),
      event("tenant.updated", { id: tenant.id, name: { en: "Store" } }),
    ]);
  });

  const kinds = async (res: Response) => {
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { event: string }[] };
    return data.map((e) => e.event).sort();
  };

  it("a key holding only products:read sees product events, not orders' totals or emails", async () => {
    const owner = await member(tenant, "owner");
    const withKey = await newKey(tenant, owner, ["products:read"]);
    expect(await kinds(await withKey("/api/v1/events/recent"))).toEqual([
      "product.created",
      "tenant.updated",
    ]);
  });

  it("a key with orders:write sees orders (write implies read) but not team members", async () => {
    const owner = await member(tenant, "owner");
    const withKey = await newKey(tenant, owner, ["orders:write"]);
    expect(await kinds(await withKey("/api/v1/events/recent"))).toEqual([
      "order.created",
      "tenant.updated",
    ]);
  });

  it("a viewer sees no team members' emails; an admin sees everything", async () => {
    const viewer = await member(tenant, "viewer");
    expect(await kinds(await viewer.call("GET", "/api/v1/events/recent"))).not.toContain(
      "user.created",
    );
    const admin = await member(tenant, "admin");
    expect(await kinds(await admin.call("GET", "/api/v1/events/recent"))).toEqual([
      "order.created",
      "payment.completed",
      "product.created",
      "tenant.updated",
      "user.created",
      "webhook.endpoint_disabled",
    ]);
  });
});

describe("a key stops working when its creator loses access", () => {
  it("deactivating the creator stops the key at once; reactivating restores it", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const admin = await member(tenant, "admin");
    const withKey = await newKey(tenant, admin, ["products:read"]);
    expect((await withKey("/api/v1/store/products")).status).toBe(200);

    const patch = (status: string) =>
      owner.call("PATCH", `/api/v1/users/${admin.user.id}`, { status });
    expect((await patch("deactivated")).status).toBe(200);
    await expectError(await withKey("/api/v1/store/products"), 401, "AUTH_008");

    expect((await patch("active")).status).toBe(200);
    expect((await withKey("/api/v1/store/products")).status).toBe(200);
  });

  it("a removed creator's key is refused", async () => {
    const tenant = await createTenant(t);
    const admin = await member(tenant, "admin");
    const withKey = await newKey(tenant, admin, ["products:read"]);
    await t.db.delete(users).where(eq(users.id, admin.user.id));
    await expectError(await withKey("/api/v1/store/products"), 401, "AUTH_008");
  });
});

describe("owners are changed only by owners, every field", () => {
  it("an admin cannot rename an owner; an owner can; an admin can rename staff", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const coOwner = await createUser(t, tenant, { role: "owner" });
    const admin = await member(tenant, "admin");
    const staff = await createUser(t, tenant, { role: "staff" });

    await expectError(
      await admin.call("PATCH", `/api/v1/users/${owner.user.id}`, { name: "Mallory" }),
      403,
      "OWNER_ONLY",
    );
    const [row] = await t.db.select().from(users).where(eq(users.id, owner.user.id));
    expect(row!.name).toBe(owner.user.name);

    expect(
      (await owner.call("PATCH", `/api/v1/users/${coOwner.id}`, { name: "Co-owner" })).status,
    ).toBe(200);
    expect((await admin.call("PATCH", `/api/v1/users/${staff.id}`, { name: "Sam" })).status).toBe(
      200,
    );
  });
});

describe("accepting an invitation", () => {
  const accept = (tenant: Tenant, token: string, ip: string) =>
    t.request("/api/v1/auth/accept-invitation", {
      method: "POST",
      ip,
      headers: { "x-tenant-id": tenant.slug },
      json: { token, name: "Someone", password: "a long enough password" },
    });
  const bogus = (i: number) => `bsi_${"x".repeat(40)}${i}`;

  it("checks the token before hashing the password", async () => {
    const tenant = await createTenant(t);
    const before = hashes.count;
    await expectError(await accept(tenant, bogus(0), "198.51.100.1"), 401, "INVITATION_INVALID");
    expect(hashes.count).toBe(before);
  });

  it("is throttled per address like sign-in; a real invitation still works elsewhere", async () => {
    const tenant = await createTenant(t);
    const ip = "198.51.100.2";
    for (let i = 0; i < 50; i++) {
      await expectError(await accept(tenant, bogus(i), ip), 401, "INVITATION_INVALID");
    }
    const blocked = await accept(tenant, bogus(50), ip);
    await expectError(blocked, 429, "RATE_LIMIT_EXCEEDED");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);

    const owner = await member(tenant, "owner");
    const invited = await owner.call("POST", "/api/v1/users/invitations", {
      email: "new@example.test",
      role: "staff",
    });
    const token = new URL(
      ((await invited.json()) as { accept_url: string }).accept_url,
    ).searchParams.get("token")!;
    expect((await accept(tenant, token, "198.51.100.3")).status).toBe(200);
  });
});

describe("failed sign-ins cannot lock the owner out", () => {
  const signIn = (tenant: Tenant, email: string, password: string, ip: string) =>
    t.request("/api/v1/auth/login", {
      method: "POST",
      ip,
      headers: { "x-tenant-id": tenant.slug },
      json: { email, password },
    });

  it("one address's failures throttle that address for the account, not the owner elsewhere", async () => {
    const tenant = await createTenant(t);
    const owner = await createUser(t, tenant);
    const attacker = "203.0.113.50";
    for (let i = 0; i < 5; i++) {
      await expectError(await signIn(tenant, owner.email, "wrong", attacker), 401, "AUTH_002");
    }
    // The attacker's address is held back, even with the right password: no probing.
    await expectError(
      await signIn(tenant, owner.email, PASSWORD, attacker),
      429,
      "RATE_LIMIT_EXCEEDED",
    );
    expect((await signIn(tenant, owner.email, PASSWORD, "192.0.2.10")).status).toBe(200);
  });

  it("many addresses hit the account's looser limit; the owner's known address still gets in", async () => {
    const tenant = await createTenant(t);
    const owner: User = await createUser(t, tenant);
    const home = "192.0.2.20";
    expect((await signIn(tenant, owner.email, PASSWORD, home)).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const res = await signIn(tenant, owner.email, "wrong", `203.0.113.${100 + i}`);
      await expectError(res, 401, "AUTH_002");
    }
    await expectError(
      await signIn(tenant, owner.email, "wrong", "203.0.113.200"),
      429,
      "RATE_LIMIT_EXCEEDED",
    );
    // A new address is held back even with the right password; the known one is not.
    await expectError(
      await signIn(tenant, owner.email, PASSWORD, "203.0.113.201"),
      429,
      "RATE_LIMIT_EXCEEDED",
    );
    expect((await signIn(tenant, owner.email, PASSWORD, home)).status).toBe(200);
    // A wrong password from the known address still fails (and counts for that address).
    await expectError(await signIn(tenant, owner.email, "wrong", home), 401, "AUTH_002");
  });
});

describe("store IDs (docs/decisions/0007-access-throttling.md)", () => {
  it("an unknown store is 404 TENANT_NOT_FOUND, counted by the address's rate limit", async () => {
    const ip = "198.51.100.77";
    const first = await t.request("/api/v1/auth/me", { ip, headers: { "x-tenant-id": "nope-1" } });
    await expectError(first, 404, "TENANT_NOT_FOUND");
    const second = await t.request("/api/v1/auth/me", { ip, headers: { "x-tenant-id": "nope-2" } });
    expect(Number(second.headers.get("x-rate-limit-remaining"))).toBe(
      Number(first.headers.get("x-rate-limit-remaining")) - 1,
    );
  });
});
