import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import { IN_PROCESS_API } from "@/lib/sdk/client";
import { createTenant, createTestApi, createUser, PASSWORD, type TestApi } from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe("SDK against the real Store API", () => {
  it("signs in, reads me, refreshes and signs out through the in-process transport", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    (globalThis as Record<symbol, unknown>)[IN_PROCESS_API] = t.api;
    try {
      const store = new BrainSAITStore({ tenantId: tenant.slug });
      const tokens = await store.auth.login({ email: user.email, password: PASSWORD });
      expect(tokens.tokenType).toBe("bearer");
      const me = await new BrainSAITStore({
        tenantId: tenant.slug,
        accessToken: tokens.accessToken,
      }).auth.me();
      expect(me.user.email).toBe(user.email);
      expect(me.tenant.timeZone).toBe("Asia/Riyadh");
      expect(me.tenant.pricesIncludeVat).toBe(true);
      const next = await store.auth.refresh({ refreshToken: tokens.refreshToken });
      await store.auth.logout({ refreshToken: next.refreshToken });
      const err = await store.auth
        .refresh({ refreshToken: next.refreshToken })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreApiError);
      expect((err as StoreApiError).code).toBe("AUTH_003");
    } finally {
      delete (globalThis as Record<symbol, unknown>)[IN_PROCESS_API];
    }
  });

  it("surfaces the API's validation errors with their fields", async () => {
    const tenant = await createTenant(t);
    const store = new BrainSAITStore({
      tenantId: tenant.slug,
      fetch: (r) => Promise.resolve(t.api.fetch(r)),
    });
    const err = (await store.auth
      .login({ email: "nope", password: "" })
      .catch((e: unknown) => e)) as StoreApiError;
    expect(err.status).toBe(422);
    expect(err.errors.map((e) => e.field).sort()).toEqual(["email", "password"]);
  });
});

describe("SDK admin resources", () => {
  it("creates an API key, uses it as the guide shows, lists it without the secret, revokes it", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const fetch = (r: Request) => Promise.resolve(t.api.fetch(r));
    const { accessToken } = await new BrainSAITStore({ tenantId: tenant.slug, fetch }).auth.login({
      email: user.email,
      password: PASSWORD,
    });
    const admin = new BrainSAITStore({ tenantId: tenant.slug, accessToken, fetch });
    const created = await admin.apiKeys.create({ name: "Storefront", scopes: ["products:read"] });
    const store = new BrainSAITStore({ apiKey: created.key, tenantId: tenant.slug, fetch });
    expect((await store.products.list({ page: 1, limit: 20 })).pagination.page).toBe(1);
    const listed = await admin.apiKeys.list();
    expect(listed.data[0]).toMatchObject({
      id: created.id,
      lastUsedAt: null,
      createdBy: { id: user.id },
    });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    await admin.apiKeys.revoke(created.id);
    await expect(store.products.list()).rejects.toMatchObject({ status: 401, code: "AUTH_007" });
  });

  it("invites and accepts through the SDK", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const fetch = (r: Request) => Promise.resolve(t.api.fetch(r));
    const { accessToken } = await new BrainSAITStore({ tenantId: tenant.slug, fetch }).auth.login({
      email: user.email,
      password: PASSWORD,
    });
    const admin = new BrainSAITStore({ tenantId: tenant.slug, accessToken, fetch });
    const { acceptUrl } = await admin.team.invite({ email: "new@example.com", role: "viewer" });
    const token = new URL(acceptUrl).searchParams.get("token")!;
    const anon = new BrainSAITStore({ tenantId: tenant.slug, fetch });
    expect(await anon.team.previewInvitation(token)).toMatchObject({
      email: "new@example.com",
      role: "viewer",
    });
    const tokens = await anon.team.acceptInvitation({
      token,
      name: "New Person",
      password: "long enough password",
    });
    expect(tokens.user.role).toBe("viewer");
    expect((await admin.team.list()).data.map((m) => m.email)).toContain("new@example.com");
  });
});

describe("SDK orders, as the guide calls them", () => {
  it("store.orders.create({ items: [{ productId, quantity }], customerEmail }) and list({ status, limit })", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    const fetch = (r: Request) => Promise.resolve(t.api.fetch(r));
    const { accessToken } = await new BrainSAITStore({ tenantId: tenant.slug, fetch }).auth.login({
      email: user.email,
      password: PASSWORD,
    });
    const store = new BrainSAITStore({ tenantId: tenant.slug, accessToken, fetch });
    const product = await store.products.create({
      name: { en: "Tool", ar: "أداة" },
      price: 299.99,
      status: "active",
      inventory: 5,
    });
    const order = await store.orders.create({
      items: [{ productId: product.id, quantity: 1 }],
      customerEmail: "customer@example.com",
    });
    expect(order).toMatchObject({
      customerEmail: "customer@example.com",
      total: 299.99,
      items: [{ productId: product.id, unitPrice: 299.99 }],
    });
    const synced = await store.orders.create({
      externalId: "opp-1",
      amount: 500,
      source: "salesforce",
    });
    const again = await store.orders.create({
      externalId: "opp-1",
      amount: 500,
      source: "salesforce",
    });
    expect(again.id).toBe(synced.id);
    await store.orders.update(order.id, { status: "paid" });
    const paid = await store.orders.list({ status: "paid", limit: 50 });
    expect(paid.data.map((o) => o.id)).toEqual([order.id]);
  });
});
