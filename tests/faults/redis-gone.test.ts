import { afterAll, beforeAll, expect, it } from "vitest";
import { startPostgres, startRedis, startServer, type ServerProcess } from "./support";

// Issue 17, item 3: Redis goes away under a running server. Rate limits keep holding, in this
// instance's memory; the log says so once; /health reports Redis down (degraded, still 200).

const LIMIT = 40;
let pg: Awaited<ReturnType<typeof startPostgres>>;
let redis: Awaited<ReturnType<typeof startRedis>>;
let server: ServerProcess;

beforeAll(async () => {
  pg = await startPostgres();
  redis = await startRedis();
  server = await startServer({
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    RATE_LIMIT_POINTS: String(LIMIT),
    RATE_LIMIT_WINDOW_SECONDS: "600",
  });
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await redis?.kill();
  await pg?.destroy();
});

const FALLBACK = "Redis unreachable: rate limits fall back to this instance's memory";
const count = (text: string, needle: string) => text.split(needle).length - 1;
const health = async () => {
  const res = await fetch(`${server.base}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

it("Redis killed: limits fall back to memory, the log says so once, /health reports it", async () => {
  expect(await health()).toMatchObject({
    status: 200,
    body: { status: "ok", checks: { redis: { status: "ok" } } },
  });
  expect(server.output()).not.toContain(FALLBACK);

  await redis.kill();
  await expect.poll(() => server.output(), { timeout: 10_000 }).toContain(FALLBACK);

  expect(await health()).toMatchObject({
    status: 200,
    body: {
      status: "degraded",
      checks: { database: { status: "ok" }, redis: { status: "error" } },
    },
  });
  // Still limited, now in memory: past the limit a 429 with Retry-After, never a 5xx.
  const replies = [];
  for (let i = 0; i < LIMIT + 5; i++) {
    const res = await fetch(`${server.base}/api/v1/openapi.json`);
    await res.arrayBuffer();
    replies.push({ status: res.status, retryAfter: res.headers.get("retry-after") });
  }
  const statuses = new Set(replies.map((r) => r.status));
  expect([...statuses].sort()).toEqual([200, 429]);
  expect(replies.filter((r) => r.status === 200).length).toBeLessThanOrEqual(LIMIT);
  expect(Number(replies.at(-1)!.retryAfter)).toBeGreaterThan(0);
  // One line for the whole outage, however many requests and reconnect attempts it saw.
  expect(count(server.output(), FALLBACK)).toBe(1);

  // Back on the same port: the limiter reconnects by itself and says so.
  redis = await startRedis(redis.port);
  await expect
    .poll(() => server.output(), { timeout: 15_000 })
    .toContain("Redis reachable again: rate limits are shared again");
  expect(await health()).toMatchObject({
    status: 200,
    body: { checks: { redis: { status: "ok" } } },
  });
  expect(server.output()).not.toMatch(/"level":"error"/);
}, 60_000);
