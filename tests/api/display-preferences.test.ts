import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrainSAITStore } from "@/lib/sdk";
import { IN_PROCESS_API } from "@/lib/sdk/client";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import { createTenant, createTestApi, expectError, signIn, type TestApi } from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

async function signedIn(role: Role = "staff", tenant?: Tenant) {
  tenant ??= await createTenant(t);
  const { user, access_token, headers } = await signIn(t, tenant, role);
  const me = async () => (await t.request("/api/v1/auth/me", { headers })).json();
  const patch = (json: unknown) =>
    t.request("/api/v1/auth/me/preferences", { method: "PATCH", headers, json });
  return { tenant, user, access_token, me, patch };
}

describe("display preferences on /api/v1/auth/me", () => {
  it("are Latin digits and the Gregorian calendar until the user changes them", async () => {
    const { me } = await signedIn();
    expect((await me()).preferences).toEqual({ digits: "latn", calendar: "gregory" });
  });

  it("change one key at a time, for any role, and /auth/me reads them back", async () => {
    for (const role of ["viewer", "staff", "admin", "owner"] as const) {
      const { me, patch } = await signedIn(role);
      const first = await patch({ digits: "arab" });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ digits: "arab", calendar: "gregory" });
      const second = await patch({ calendar: "islamic-umalqura" });
      expect(await second.json()).toEqual({ digits: "arab", calendar: "islamic-umalqura" });
      expect((await me()).preferences).toEqual({ digits: "arab", calendar: "islamic-umalqura" });
      expect(await (await patch({ digits: "latn", calendar: "gregory" })).json()).toEqual({
        digits: "latn",
        calendar: "gregory",
      });
    }
  });

  it("are each person's own: a colleague in the same store keeps theirs", async () => {
    const a = await signedIn("owner");
    const b = await signedIn("staff", a.tenant);
    await a.patch({ digits: "arab", calendar: "islamic-umalqura" });
    expect((await b.me()).preferences).toEqual({ digits: "latn", calendar: "gregory" });
  });

  it.each([
    ["an unknown digits value", { digits: "thai" }, "digits"],
    ["an unknown calendar", { calendar: "islamic" }, "calendar"],
    ["a number for digits", { digits: 1 }, "digits"],
    ["null", { calendar: null }, "calendar"],
    ["an unknown key", { theme: "dark" }, ""],
  ])("refuses %s with 422 in the error envelope", async (_name, body, field) => {
    const { me, patch } = await signedIn();
    const err = await expectError(await patch(body), 422, "VALIDATION_ERROR");
    expect(err.type).toBe("validation_error");
    if (field) expect(JSON.stringify(err.errors)).toContain(field);
    expect((await me()).preferences).toEqual({ digits: "latn", calendar: "gregory" });
  });

  it("refuses a body that is not an object", async () => {
    const { patch } = await signedIn();
    const res = await patch(["arab"]);
    expect(res.status).toBe(422);
  });

  it("needs a signed-in user: 401 without a token, 403 USER_SESSION_REQUIRED for an API key", async () => {
    const { tenant, access_token } = await signedIn("owner");
    await expectError(
      await t.request("/api/v1/auth/me/preferences", {
        method: "PATCH",
        headers: { "x-tenant-id": tenant.slug },
        json: { digits: "arab" },
      }),
      401,
      "AUTH_001",
    );
    const created = await (
      await t.request("/api/v1/api-keys", {
        method: "POST",
        headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
        json: { name: "Integration", scopes: ["products:read"] },
      })
    ).json();
    await expectError(
      await t.request("/api/v1/auth/me/preferences", {
        method: "PATCH",
        headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${created.key}` },
        json: { digits: "arab" },
      }),
      403,
      "USER_SESSION_REQUIRED",
    );
  });

  it("store.auth.updatePreferences changes them through the SDK", async () => {
    const { tenant, access_token } = await signedIn();
    (globalThis as Record<symbol, unknown>)[IN_PROCESS_API] = t.api;
    try {
      const store = new BrainSAITStore({ tenantId: tenant.slug, accessToken: access_token });
      expect(await store.auth.updatePreferences({ calendar: "islamic-umalqura" })).toEqual({
        digits: "latn",
        calendar: "islamic-umalqura",
      });
      expect((await store.auth.me()).preferences).toEqual({
        digits: "latn",
        calendar: "islamic-umalqura",
      });
    } finally {
      delete (globalThis as Record<symbol, unknown>)[IN_PROCESS_API];
    }
  });
});
