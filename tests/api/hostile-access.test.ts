import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outboxEvents } from "@/lib/events/schema";
import type { Tenant } from "@/lib/tenants/schema";
import { users, type Role } from "@/lib/users/schema";
import {
  createTenant,
  createTestApi,
  createUser,
  expectError,
  login,
  type TestApi,
} from "./harness";

/**
 * Issue 10, access: who may read and change what (events feed, keys of departed members, owners'
 * names).
 */
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
