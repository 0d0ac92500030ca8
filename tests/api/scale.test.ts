import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "@/lib/api/app";
import { redisLimiters } from "@/lib/limiter";
import { openTestDatabase, testDeps } from "./harness";
import type { Database } from "@/lib/db/client";

// Several stateless instances share one database and one Redis (docs/architecture.md, "Running at scale").
describe.runIf(process.env.REDIS_URL)("two instances on one database and one Redis", () => {
  let database: Database;
  const factories: ReturnType<typeof redisLimiters>[] = [];
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(factories.map((f) => f.close()));
    await database.close();
  });

  async function instance(namespace: string) {
    const limiters = redisLimiters(process.env.REDIS_URL!, namespace);
    factories.push(limiters);
    expect(await limiters.ready()).toBe(true);
    return createApi(testDeps(database, { rateLimitPoints: 10, limiters }).deps);
  }

  it("counts one client's requests across both instances", async () => {
    const namespace = `bs-test-${randomBytes(4).toString("hex")}`;
    const [a, b] = [await instance(namespace), await instance(namespace)];
    const statuses: number[] = [];
    const remaining: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await (i % 2 ? b : a).request("/health", {
        headers: { "x-forwarded-for": "192.0.2.1" },
      });
      statuses.push(res.status);
      remaining.push(res.headers.get("x-rate-limit-remaining") ?? "");
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // The instances see one counter: remaining falls by one per request whichever answers.
    expect(remaining.slice(0, 10)).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
  });
});
