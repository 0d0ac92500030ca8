import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn, sleep, startPostgres, startServer, type ServerProcess } from "./support";

// Issue 17, item 3: PostgreSQL restarted under load. While it is down the API answers 503 with
// Retry-After in the error envelope, no request hangs, and the same process recovers by itself.

/** No request may take longer than this, database down or not. */
const BOUND_MS = 10_000;

let pg: Awaited<ReturnType<typeof startPostgres>>;
let server: ServerProcess;

beforeAll(async () => {
  pg = await startPostgres();
  server = await startServer({ DATABASE_URL: pg.url });
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await pg?.destroy();
});

interface Outcome {
  at: number;
  ms: number;
  status: number;
  retryAfter: string | null;
  body: unknown;
}

it("a PostgreSQL restart under load: 503 with Retry-After while it is down, then 200 again without restarting the app", async () => {
  const headers = await signIn(server.base);
  const outcomes: Outcome[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      const started = performance.now();
      let outcome: Outcome;
      try {
        const res = await fetch(`${server.base}/api/v1/store/products?limit=5`, {
          headers,
          signal: AbortSignal.timeout(BOUND_MS),
        });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* kept as text for the failure message */
        }
        outcome = {
          at: performance.now(),
          ms: performance.now() - started,
          status: res.status,
          retryAfter: res.headers.get("retry-after"),
          body,
        };
      } catch (err) {
        // A timeout (a hung request) or a connection error: both fail the test below.
        outcome = {
          at: performance.now(),
          ms: performance.now() - started,
          status: 0,
          retryAfter: null,
          body: String(err),
        };
      }
      outcomes.push(outcome);
      if (outcome.status !== 200) await sleep(20);
    }
  };
  const clients = Array.from({ length: 4 }, client);

  // A clean restart, then a crash (`immediate`: no checkpoint, WAL replayed at start).
  const recoveries: Record<string, number> = {};
  let health: Response | undefined;
  for (const mode of ["fast", "immediate"] as const) {
    await sleep(1_000);
    await pg.stop(mode);
    await sleep(2_000);
    health ??= await fetch(`${server.base}/health`, { signal: AbortSignal.timeout(BOUND_MS) });
    await pg.start(); // returns once PostgreSQL accepts connections
    const upAt = performance.now();
    const firstOk = () => outcomes.find((o) => o.at > upAt && o.status === 200);
    await expect.poll(firstOk, { timeout: 20_000, interval: 20 }).toBeDefined();
    recoveries[mode] = Math.round(firstOk()!.at - upAt);
  }
  await sleep(1_000);
  running = false;
  await Promise.all(clients);

  const down = outcomes.filter((o) => o.status === 503);
  console.log(
    `PostgreSQL restart: ${outcomes.length} requests, ${down.length} answered 503, ` +
      `slowest ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms, recovery after ` +
      `PostgreSQL accepted connections again: ${recoveries.fast} ms (fast stop), ` +
      `${recoveries.immediate} ms (immediate stop, a crash)`,
  );

  // Every request got an answer, within the bound, and only 200 or 503.
  const unexpected = outcomes.filter((o) => o.status !== 200 && o.status !== 503);
  expect(unexpected.slice(0, 3)).toEqual([]);
  expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(BOUND_MS);
  // While the database was down: 503, with Retry-After, in the error envelope.
  expect(down.length).toBeGreaterThan(0);
  for (const o of down) {
    expect(Number(o.retryAfter)).toBeGreaterThan(0);
    expect(o.body).toMatchObject({
      type: "api_error",
      code: "DATABASE_UNAVAILABLE",
      detail: expect.any(String),
    });
  }
  expect(health!.status).toBe(503);
  expect(await health!.json()).toMatchObject({ checks: { database: { status: "error" } } });
  // Recovered in the same process, and quickly.
  expect(server.child.exitCode).toBeNull();
  expect(Math.max(...Object.values(recoveries))).toBeLessThan(5_000);
  expect(outcomes.at(-1)!.status).toBe(200);
  // The app logged the outage as such (warnings), not as a defect (errors).
  expect(server.output()).toContain('"msg":"database unavailable"');
  expect(server.output().match(/^.*"level":"error".*$/m)?.[0]).toBeUndefined();
}, 90_000);
