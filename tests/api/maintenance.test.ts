import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { idempotencyKeys } from "@/lib/api/platform/schema";
import { passwordResets, refreshTokens } from "@/lib/auth/schema";
import { cleanUp } from "@/lib/jobs/maintenance";
import { createTenant, createTestApi, createUser, login, type TestApi } from "./harness";

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe("maintenance", () => {
  it("deletes idempotency records after 24 h and refresh tokens a week after expiry, nothing younger", async () => {
    const tenant = await createTenant(t);
    const user = await createUser(t, tenant);
    await login(t, tenant, user);
    await t.db.insert(idempotencyKeys).values([
      { scope: "s", key: "old", requestHash: "h", createdAt: new Date(Date.now() - 25 * 3600_000) },
      { scope: "s", key: "new", requestHash: "h" },
    ]);
    await t.db.insert(refreshTokens).values({
      tenantId: tenant.id,
      userId: user.id,
      familyId: crypto.randomUUID(),
      tokenHash: "x".repeat(64),
      expiresAt: new Date(Date.now() - 8 * 86_400_000),
    });
    await t.db.insert(passwordResets).values(
      [2, -1].map((daysAgo, i) => ({
        tenantId: tenant.id,
        userId: user.id,
        tokenHash: `${i}`.repeat(64),
        expiresAt: new Date(Date.now() - daysAgo * 24 * 3600_000),
      })),
    );
    expect(await cleanUp(t.db, new Date())).toEqual({
      idempotencyKeys: 1,
      refreshTokens: 1,
      passwordResets: 1,
    });
    expect(await t.db.select().from(passwordResets)).toHaveLength(1);
    expect((await t.db.select().from(idempotencyKeys)).map((r) => r.key)).toEqual(["new"]);
    expect(
      await t.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id)),
    ).toHaveLength(1);
  });
});
