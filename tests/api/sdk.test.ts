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
