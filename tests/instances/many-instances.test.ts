import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOwner, startApiProcess, type ApiProcess } from "../support/api-process";
import { randomClient, startLoadBalancer } from "./load-balancer";

// Issue 17, item 4: three server processes on one PostgreSQL database (fresh) and one Redis,
// behind a round-robin load balancer (docs/operations.md, "Running several instances").

const adminUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const RATE_LIMIT = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(adminUrl && redisUrl)("three instances behind a load balancer", () => {
  const name = `bs_instances_${randomBytes(4).toString("hex")}`;
  let databaseUrl: string;
  let monitor: pg.Client;
  const instances: ApiProcess[] = [];
  let lb: Awaited<ReturnType<typeof startLoadBalancer>>;
  let owner: Record<string, string>;
  const call = (path: string, init: RequestInit & { client?: string } = {}) =>
    fetch(`${lb.base}${path}`, {
      ...init,
      headers: {
        ...owner,
        ...(init.headers as object),
        "x-test-client": init.client ?? randomClient(),
      },
    });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    monitor = new pg.Client({ connectionString: databaseUrl });
    await monitor.connect();
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl!,
      TRUST_PROXY: "1",
      RATE_LIMIT_POINTS: String(RATE_LIMIT),
      // Every minute instead of hourly, so a test sees occurrences of the schedule.
      MAINTENANCE_CRON: "* * * * *",
    };
    // The first migrates and seeds the demo store; the other two start together on top of it.
    instances.push(await startApiProcess(env));
    instances.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));
    lb = await startLoadBalancer(instances.map((i) => i.base));
    owner = await demoOwner(lb.base);
  });

  afterAll(async () => {
    await lb?.close();
    await Promise.all(instances.map((i) => i.stop()));
    await monitor?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("shares one client's rate limit across the instances (Redis)", async () => {
    const client = randomClient();
    const replies: { status: number; upstream: string | null; remaining: string | null }[] = [];
    for (let i = 0; i < RATE_LIMIT + 15; i++) {
      const res = await call("/health", { client });
      replies.push({
        status: res.status,
        upstream: res.headers.get("x-upstream"),
        remaining: res.headers.get("x-rate-limit-remaining"),
      });
      await res.arrayBuffer();
    }
    expect(new Set(replies.map((r) => r.upstream))).toEqual(new Set(["0", "1", "2"]));
    // One budget, whichever instance answers: each of the three alone would have let all through.
    expect(replies.slice(0, RATE_LIMIT).every((r) => r.status === 200)).toBe(true);
    expect(replies.slice(RATE_LIMIT).map((r) => r.status)).toEqual(Array(15).fill(429));
    expect(replies.slice(0, 3).map((r) => r.remaining)).toEqual(
      [1, 2, 3].map((n) => String(RATE_LIMIT - n)),
    );
    // Another client is not affected.
    expect((await call("/health")).status).toBe(200);
  });

  it("numbers orders created at once on all three without a gap or a repeat", async () => {
    const product = await call("/api/v1/store/products", {
      method: "POST",
      body: JSON.stringify({
        name: { en: "Mug", ar: "كوب" },
        price: 5,
        inventory: 1000,
        status: "active",
      }),
    });
    expect(product.status).toBe(201);
    const { id } = (await product.json()) as { id: string };
    const count = 45;
    const replies = await Promise.all(
      Array.from({ length: count }, () =>
        call("/api/v1/store/orders", {
          method: "POST",
          body: JSON.stringify({ items: [{ product_id: id, quantity: 1 }] }),
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(count).fill(201));
    expect(new Set(replies.map((r) => r.headers.get("x-upstream")))).toEqual(
      new Set(["0", "1", "2"]),
    );
    const numbers = await Promise.all(
      replies.map(async (r) => ((await r.json()) as { number: string }).number),
    );
    const year = /^BS-(\d{4})-/.exec(numbers[0]!)![1];
    const expected = Array.from(
      { length: count },
      (_, i) => `BS-${year}-${String(i + 1).padStart(6, "0")}`,
    );
    expect([...numbers].sort()).toEqual(expected);
    const stock = (await (await call(`/api/v1/store/products/${id}`)).json()) as {
      inventory: number;
    };
    expect(stock.inventory).toBe(1000 - count);
  });

  it("sends each webhook attempt once, whichever instance's worker takes it", async () => {
    // Each delivery fails its first attempt (500) and succeeds at its retry 5 s later.
    const arrivals = new Map<string, number[]>();
    const receiver: Server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const id = String(req.headers["webhook-id"]);
        const seen = arrivals.get(id) ?? [];
        seen.push(Date.now());
        arrivals.set(id, seen);
        res.writeHead(seen.length === 1 ? 500 : 200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = receiver.address() as { port: number };
      const hook = await call("/api/v1/webhooks", {
        method: "POST",
        body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook`, events: ["product.created"] }),
      });
      expect(hook.status).toBe(201);
      const count = 30;
      const created = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          call("/api/v1/store/products", {
            method: "POST",
            body: JSON.stringify({ name: { en: `Item ${i}`, ar: `صنف ${i}` }, price: 1 }),
          }),
        ),
      );
      expect(created.map((r) => r.status)).toEqual(Array(count).fill(201));
      const deadline = Date.now() + 90_000;
      const done = () =>
        arrivals.size === count && [...arrivals.values()].every((a) => a.length >= 2);
      while (!done() && Date.now() < deadline) await sleep(250);
      await sleep(3_000); // time for a duplicate to show up, if any would
      expect(arrivals.size).toBe(count);
      for (const [id, times] of arrivals) {
        // Two attempts, the second after the 5 s retry delay: not the same attempt sent twice.
        expect({ id, attempts: times.length }).toEqual({ id, attempts: 2 });
        expect(times[1]! - times[0]!).toBeGreaterThan(4_000);
      }
      const { rows } = await monitor.query<{ attempts: number; status: string; n: number }>(
        `select d.attempts, d.status, (select count(*)::int from webhook_attempts a where a.delivery_id = d.id) as n
           from webhook_deliveries d where d.event = 'product.created'`,
      );
      expect(rows).toHaveLength(count);
      expect(rows.every((r) => r.status === "succeeded" && r.attempts === 2 && r.n === 2)).toBe(
        true,
      );
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it("runs each occurrence of a scheduled job on one instance only", async () => {
    // The clean-up runs every minute here; wait for two occurrences (pg-boss looks every 30 s).
    const runs = () =>
      instances.flatMap((i, n) =>
        i
          .logLines()
          .filter((l) => l.msg === "maintenance")
          .map(() => n),
      );
    const deadline = Date.now() + 150_000;
    while (runs().length < 2 && Date.now() < deadline) await sleep(1_000);
    await sleep(5_000); // a second instance running the same occurrence would log by now
    // pg-boss files each occurrence once (a singleton slot on its forwarding queue), then makes
    // the job: one job per occurrence, and one run per job, across the three instances.
    const { rows } = await monitor.query<{ jobs: number; occurrences: number; forwarded: number }>(
      `select (select count(*)::int from pgboss.job where name = 'maintenance') as jobs,
              count(distinct singleton_on)::int as occurrences, count(*)::int as forwarded
         from pgboss.job where name = '__pgboss__send-it' and data->>'name' = 'maintenance'`,
    );
    const [{ jobs, occurrences, forwarded }] = rows as [(typeof rows)[0]];
    expect(runs().length).toBeGreaterThanOrEqual(2);
    expect({ jobs, forwarded, runs: runs().length }).toEqual({
      jobs: occurrences,
      forwarded: occurrences,
      runs: occurrences,
    });
  });

  it("keeps an admin's session valid on every instance", async () => {
    // The admin's session (a NextAuth JWT cookie, sealed with a key derived from AUTH_SECRET) holds
    // a Store API access token and refresh token; what makes it work anywhere is that each
    // instance accepts and rotates those. Signed in on one, used and refreshed on the others:
    const [a, b, c] = instances.map((i) => i.base) as [string, string, string];
    const headers = { "content-type": "application/json", "x-tenant-id": "demo" };
    const login = await fetch(`${a}/api/v1/auth/login`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "owner@demo.test", password: "demo-password-for-tests" }),
    });
    const first = (await login.json()) as { access_token: string; refresh_token: string };
    const me = (base: string, token: string) =>
      fetch(`${base}/api/v1/auth/me`, {
        headers: { ...headers, authorization: `Bearer ${token}` },
      });
    expect((await me(b, first.access_token)).status).toBe(200);
    expect((await me(c, first.access_token)).status).toBe(200);
    const refreshed = await fetch(`${b}/api/v1/auth/refresh`, {
      method: "POST",
      headers,
      body: JSON.stringify({ refresh_token: first.refresh_token }),
    });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect((await me(c, second.access_token)).status).toBe(200);
    // Signing out on one instance ends the session on all of them at once: its refresh token is
    // refused everywhere (access tokens live out their 15 minutes: docs/decisions/0002).
    const out = await fetch(`${c}/api/v1/auth/logout`, {
      method: "POST",
      headers: { ...headers, authorization: `Bearer ${second.access_token}` },
      body: JSON.stringify({ refresh_token: second.refresh_token }),
    });
    expect(out.status).toBeLessThan(300);
    for (const base of [a, b]) {
      const again = await fetch(`${base}/api/v1/auth/refresh`, {
        method: "POST",
        headers,
        body: JSON.stringify({ refresh_token: second.refresh_token }),
      });
      expect(again.status).toBe(401);
    }
  });
});
