import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { outboxEvents } from "@/lib/events/schema";
import { invitations } from "@/lib/users/schema";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
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

async function member(tenant: Tenant, role: Role) {
  const user = await createUser(t, tenant, { role });
  const { access_token, refresh_token } = await login(t, tenant, user);
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  return { user, call, refresh_token, token: access_token };
}

const anon = (tenant: Tenant, path: string, json: unknown) =>
  t.request(path, { method: "POST", headers: { "x-tenant-id": tenant.slug }, json });

describe("invitations", () => {
  it("invite -> the link's token -> preview -> accept: the new member is signed in, user.created raised", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const res = await owner.call("POST", "/api/v1/users/invitations", {
      email: "Layla@Example.com",
      role: "staff",
      name: "Layla",
    });
    expect(res.status).toBe(201);
    const { invitation, accept_url } = await res.json();
    expect(invitation).toMatchObject({
      email: "layla@example.com",
      role: "staff",
      invited_by: { id: owner.user.id },
    });
    const url = new URL(accept_url);
    expect(url.pathname).toBe("/ar/accept-invitation");
    expect(url.searchParams.get("store")).toBe(tenant.slug);
    const token = url.searchParams.get("token")!;
    // Stored hashed only.
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(JSON.stringify(row)).not.toContain(token);

    expect(await (await anon(tenant, "/api/v1/auth/invitation", { token })).json()).toMatchObject({
      email: "layla@example.com",
      role: "staff",
      // The page names the store, not its ID.
      store: { name: { en: tenant.nameEn, ar: tenant.nameAr } },
    });
    const accepted = await anon(tenant, "/api/v1/auth/accept-invitation", {
      token,
      name: "Layla Haddad",
      password: "a long enough password",
    });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).user).toMatchObject({
      email: "layla@example.com",
      role: "staff",
      name: "Layla Haddad",
    });
    // The link works once.
    await expectError(
      await anon(tenant, "/api/v1/auth/accept-invitation", {
        token,
        name: "Again",
        password: "a long enough password",
      }),
      401,
      "INVITATION_INVALID",
    );
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, tenant.id), eq(outboxEvents.event, "user.created")));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ email: "layla@example.com", role: "staff" });
    const login = await anon(tenant, "/api/v1/auth/login", {
      email: "layla@example.com",
      password: "a long enough password",
    });
    expect(login.status).toBe(200);
  });

  it("refuses an expired, withdrawn or other store's invitation, and a short password", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const owner = await member(tenant, "owner");
    const invite = async (email: string) => {
      const body = await (
        await owner.call("POST", "/api/v1/users/invitations", { email, role: "viewer" })
      ).json();
      return {
        id: body.invitation.id as string,
        token: new URL(body.accept_url).searchParams.get("token")!,
      };
    };
    const a = await invite("a@example.com");
    await expectError(
      await anon(tenant, "/api/v1/auth/accept-invitation", {
        token: a.token,
        name: "A",
        password: "short",
      }),
      422,
      "VALIDATION_ERROR",
    );
    await expectError(
      await anon(other, "/api/v1/auth/accept-invitation", {
        token: a.token,
        name: "A",
        password: "long enough pw",
      }),
      401,
      "INVITATION_INVALID",
    );
    expect((await owner.call("DELETE", `/api/v1/users/invitations/${a.id}`)).status).toBe(204);
    await expectError(
      await anon(tenant, "/api/v1/auth/accept-invitation", {
        token: a.token,
        name: "A",
        password: "long enough pw",
      }),
      401,
      "INVITATION_INVALID",
    );
    const b = await invite("b@example.com");
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 8 * 86_400_000);
    try {
      await expectError(
        await anon(tenant, "/api/v1/auth/accept-invitation", {
          token: b.token,
          name: "B",
          password: "long enough pw",
        }),
        401,
        "INVITATION_INVALID",
      );
    } finally {
      t.clock.now = saved;
    }
  });

  it("409 for someone already on the team; only owners invite owners", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const admin = await member(tenant, "admin");
    await expectError(
      await owner.call("POST", "/api/v1/users/invitations", {
        email: admin.user.email,
        role: "staff",
      }),
      409,
      "ALREADY_MEMBER",
    );
    await expectError(
      await admin.call("POST", "/api/v1/users/invitations", {
        email: "new@example.com",
        role: "owner",
      }),
      403,
      "OWNER_ONLY",
    );
    expect(
      (
        await admin.call("POST", "/api/v1/users/invitations", {
          email: "new@example.com",
          role: "admin",
        })
      ).status,
    ).toBe(201);
  });
});

describe("roles and status", () => {
  it("the last owner can neither be demoted nor deactivated; with a second owner, they can", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    await expectError(
      await owner.call("PATCH", `/api/v1/users/${owner.user.id}`, { role: "admin" }),
      409,
      "LAST_OWNER",
    );
    await expectError(
      await owner.call("PATCH", `/api/v1/users/${owner.user.id}`, { status: "deactivated" }),
      409,
      "LAST_OWNER",
    );
    const second = await member(tenant, "owner");
    const res = await second.call("PATCH", `/api/v1/users/${owner.user.id}`, { role: "admin" });
    expect(res.status).toBe(200);
    expect((await res.json()).role).toBe("admin");
  });

  it("an admin cannot change an owner or make an owner, but manages staff", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const admin = await member(tenant, "admin");
    const staff = await member(tenant, "staff");
    await expectError(
      await admin.call("PATCH", `/api/v1/users/${owner.user.id}`, { status: "deactivated" }),
      403,
      "OWNER_ONLY",
    );
    await expectError(
      await admin.call("PATCH", `/api/v1/users/${staff.user.id}`, { role: "owner" }),
      403,
      "OWNER_ONLY",
    );
    expect(
      (await admin.call("PATCH", `/api/v1/users/${staff.user.id}`, { role: "viewer" })).status,
    ).toBe(200);
  });

  it("deactivating a member ends their sessions at once", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const staff = await member(tenant, "staff");
    expect(
      (await owner.call("PATCH", `/api/v1/users/${staff.user.id}`, { status: "deactivated" }))
        .status,
    ).toBe(200);
    await expectError(
      await anon(tenant, "/api/v1/auth/refresh", { refresh_token: staff.refresh_token }),
      401,
      "AUTH_003",
    );
    await expectError(await staff.call("GET", "/api/v1/auth/me"), 401, "AUTH_003");
    await expectError(
      await anon(tenant, "/api/v1/auth/login", { email: staff.user.email, password: PASSWORD }),
      401,
      "AUTH_002",
    );
  });

  it("a demoted key creator's keys lose the scopes the new role lacks", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const admin = await member(tenant, "admin");
    const { key } = await (
      await admin.call("POST", "/api/v1/api-keys", {
        name: "k",
        scopes: ["products:write", "webhooks:write"],
      })
    ).json();
    await owner.call("PATCH", `/api/v1/users/${admin.user.id}`, { role: "viewer" });
    const res = await t.request("/api/v1/store/products", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${key}` },
      json: { name: { en: "x" }, price: 1 },
    });
    await expectError(res, 403, "INSUFFICIENT_SCOPE");
  });

  it("another store's member is 404", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const ownerA = await member(a, "owner");
    const staffB = await member(b, "staff");
    await expectError(
      await ownerA.call("PATCH", `/api/v1/users/${staffB.user.id}`, { role: "viewer" }),
      404,
      "USER_NOT_FOUND",
    );
    const list = await (await ownerA.call("GET", "/api/v1/users")).json();
    expect(list.data.map((m: { id: string }) => m.id)).not.toContain(staffB.user.id);
  });
});

describe("store settings", () => {
  it("an owner changes names, VAT and time zone; tenant.updated is raised; X-Tenant-ID sees it at once", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const res = await owner.call("PATCH", "/api/v1/store/settings", {
      name: { ar: "متجر التمور" },
      vat_rate: 5,
      vat_number: "300000000000003",
      time_zone: "Asia/Dubai",
      currency: "AED",
      prices_include_vat: false,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: { ar: "متجر التمور" },
      vat_rate: 5,
      vat_number: "300000000000003",
      time_zone: "Asia/Dubai",
      currency: "AED",
      prices_include_vat: false,
    });
    const me = await (await owner.call("GET", "/api/v1/auth/me")).json();
    expect(me.tenant.time_zone).toBe("Asia/Dubai");
    const events = await t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, tenant.id), eq(outboxEvents.event, "tenant.updated")));
    expect(events).toHaveLength(1);
  });

  it("an admin changes names and language but not currency or VAT", async () => {
    const tenant = await createTenant(t);
    const admin = await member(tenant, "admin");
    expect(
      (
        await admin.call("PATCH", "/api/v1/store/settings", {
          name: { en: "New name" },
          default_locale: "en",
        })
      ).status,
    ).toBe(200);
    await expectError(
      await admin.call("PATCH", "/api/v1/store/settings", { vat_rate: 10 }),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    await expectError(
      await admin.call("PATCH", "/api/v1/store/settings", { currency: "USD" }),
      403,
      "INSUFFICIENT_PERMISSION",
    );
  });

  it("422 for an unknown or empty time zone or currency, or a VAT rate out of range", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    for (const [body, field] of [
      [{ time_zone: "Mars/Olympus" }, "time_zone"],
      // Empty (or blank, trimmed to empty) was stored and broke the analytics rebuild: a 500.
      [{ time_zone: "" }, "time_zone"],
      [{ time_zone: "  " }, "time_zone"],
      [{ currency: "" }, "currency"],
      [{ currency: "ZZZ" }, "currency"],
      [{ vat_rate: 101 }, "vat_rate"],
      [{ vat_rate: 15.125 }, "vat_rate"],
    ] as const) {
      const err = await expectError(
        await owner.call("PATCH", "/api/v1/store/settings", body),
        422,
        "VALIDATION_ERROR",
      );
      expect((err.errors as { field: string }[])[0]!.field).toBe(field);
    }
  });

  it("uploads a logo", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    const png = Uint8Array.from(
      atob(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
      ),
      (c) => c.charCodeAt(0),
    );
    const form = new FormData();
    form.set("file", new Blob([png], { type: "image/png" }), "logo.png");
    const res = await t.request("/api/v1/store/settings/logo", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${owner.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).logo_url).toMatch(/^\/api\/v1\/files\//);
  });
});

describe("audit log", () => {
  it("records who did what, filters by action prefix, and names the actor", async () => {
    const tenant = await createTenant(t);
    const owner = await member(tenant, "owner");
    await owner.call("POST", "/api/v1/store/products", { name: { en: "Audited" }, price: 1 });
    const { key } = await (
      await owner.call("POST", "/api/v1/api-keys", { name: "Sync bot", scopes: ["products:write"] })
    ).json();
    await t.request("/api/v1/store/products", {
      method: "POST",
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${key}` },
      json: { name: { en: "By key" }, price: 1 },
    });
    const res = await owner.call("GET", "/api/v1/audit-log?action=product.");
    const body = await res.json();
    expect(
      body.data.map((e: { action: string; actor: { type: string; name: string } }) => [
        e.action,
        e.actor.type,
        e.actor.name,
      ]),
    ).toEqual([
      ["product.created", "api_key", "Sync bot"],
      ["product.created", "user", "Test User"],
    ]);
    expect(body.data[0].ip).toBeTruthy();
    expect(body.data[0].request_id).toBeTruthy();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: tenant.timeZone }).format(
      t.clock.now,
    );
    const dated = await (
      await owner.call(
        "GET",
        `/api/v1/audit-log?start_date=${today}&end_date=${today}&actor_type=user`,
      )
    ).json();
    expect(dated.data.length).toBeGreaterThan(0);
    const yesterday = new Intl.DateTimeFormat("en-CA", { timeZone: tenant.timeZone }).format(
      new Date(t.clock.now.getTime() - 86_400_000),
    );
    expect(
      (await (await owner.call("GET", `/api/v1/audit-log?end_date=${yesterday}`)).json()).data,
    ).toEqual([]);
  });

  it("is closed to staff and viewers, and to other stores", async () => {
    const tenant = await createTenant(t);
    for (const role of ["staff", "viewer"] as const) {
      await expectError(
        await (await member(tenant, role)).call("GET", "/api/v1/audit-log"),
        403,
        "INSUFFICIENT_PERMISSION",
      );
    }
    const other = await member(await createTenant(t), "owner");
    expect(
      (await (await other.call("GET", "/api/v1/audit-log")).json()).data.every(
        (e: { action: string }) => e.action.startsWith("auth."),
      ),
    ).toBe(true);
  });
});
