import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "@/lib/api/app";
import { createTestApi, expectError, openTestDatabase, testDeps, type TestApi } from "./harness";

// Issue 17, item 4: the load balancer's probes beside /health (docs/operations.md).

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ rateLimitPoints: 3 });
});
afterAll(() => t.close());

describe("GET /health/live", () => {
  it("answers ok, and a load balancer's probes never use up a client's rate limit", async () => {
    const ip = "198.51.100.20";
    for (let i = 0; i < 10; i++) {
      const res = await t.request("/health/live", { ip });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    for (let i = 0; i < 10; i++)
      expect((await t.request("/health/ready", { ip })).status).toBe(200);
    // The same address still has its whole budget for real requests.
    const res = await t.request("/health", { ip });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-rate-limit-remaining")).toBe("2");
  });
});

describe("GET /health/ready", () => {
  it("is ok on a migrated database", async () => {
    const res = await t.request("/health/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("is 503 MIGRATIONS_PENDING, in the error envelope, while a migration is missing", async () => {
    const [newest] = (
      (await t.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at =
              (select max(created_at) from drizzle.__drizzle_migrations) returning hash, created_at`,
      )) as unknown as { rows: { hash: string; created_at: string }[] }
    ).rows;
    try {
      const res = await t.request("/health/ready");
      const body = await expectError(res, 503, "MIGRATIONS_PENDING");
      expect(body.type).toBe("api_error");
      expect(body.detail).toMatch(/1 migration/);
      expect(res.headers.get("retry-after")).toBe("5");
      // Liveness does not depend on it: restarting would not help.
      expect((await t.request("/health/live")).status).toBe(200);
    } finally {
      await t.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${newest!.hash}, ${newest!.created_at})`,
      );
    }
    expect((await t.request("/health/ready")).status).toBe(200);
  });

  it("is 503 DATABASE_UNAVAILABLE when the database does not answer, and live stays 200", async () => {
    const database = await openTestDatabase();
    const api = createApi(testDeps(database).deps);
    await database.close();
    const res = await api.request("/health/ready");
    const body = await expectError(res, 503, "DATABASE_UNAVAILABLE");
    expect(body.detail).toBe("The database does not answer");
    expect((await api.request("/health/live")).status).toBe(200);
  });

  it("is in the OpenAPI document beside /health", async () => {
    const doc = await (await t.request("/api/v1/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/health/live", "/health/ready"]),
    );
    expect(Object.keys(doc.paths["/health/ready"].get.responses)).toEqual(["200", "503"]);
  });
});
