import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUES, type JobSender } from "@/lib/jobs/queue";
import { sql } from "drizzle-orm";
import { fanOut, type EngineDeps } from "@/lib/webhooks/engine";
import { webhookDeliveries } from "@/lib/webhooks/schema";
import { claimDue, SLOTS_PER_ENDPOINT, startDispatcher } from "@/lib/webhooks/dispatch";
import { createTenant, createTestApi, createUser, login, type TestApi } from "./harness";

/** Jobs the code sends, kept instead of queued, so the test runs each one when it chooses. */
function recordingJobs() {
  const sent: { queue: string; data: Record<string, unknown>; startAfter?: Date }[] = [];
  const sender: JobSender = {
    async sendInTx(_tx, queue, data, options) {
      sent.push({
        queue,
        data: data as Record<string, unknown>,
        startAfter: options?.startAfter as Date | undefined,
      });
    },
    async sendManyInTx(tx, queue, many) {
      for (const job of many) await this.sendInTx(tx, queue, job.data, { group: job.group });
    },
  };
  return { sent, sender };
}

const jobs = recordingJobs();
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ jobs: jobs.sender });
});
afterAll(() => t.close());

/** A store with one endpoint at `server`'s address, and the engine the workers would run. */
async function storeWithEndpoint(server: ReturnType<typeof createServer>) {
  const tenant = await createTenant(t);
  const { access_token } = await login(t, tenant, await createUser(t, tenant));
  const call = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` },
      json,
    });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const created = await call("POST", "/api/v1/webhooks", { url, events: ["product.created"] });
  expect(created.status).toBe(201);
  const engine: EngineDeps = {
    db: t.db,
    jobs: jobs.sender,
    encryptionKey: t.encryptionKey,
    allowPrivate: true,
    now: () => new Date(),
    timeoutMs: 5_000,
  };
  return { call, engine, endpointId: (await created.json()).id as string };
}

/** A receiver that answers after `delayMs`, counting what arrives and what is in flight. */
async function slowReceiver(delayMs: number) {
  const stats = { inFlight: 0, maxInFlight: 0, received: 0, ids: [] as string[] };
  let arrived!: () => void;
  const firstArrival = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req, res) => {
    stats.inFlight++;
    stats.received++;
    stats.ids.push(String(req.headers["webhook-id"]));
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    arrived();
    res.on("close", () => stats.inFlight--);
    req.resume();
    setTimeout(() => res.writeHead(200).end("ok"), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    stats,
    firstArrival,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Records `count` products in `s`'s store and fans their events out: its deliveries, due now. */
async function deliveriesFor(s: Awaited<ReturnType<typeof storeWithEndpoint>>, count: number) {
  jobs.sent.length = 0;
  for (let i = 0; i < count; i++) {
    const res = await s.call("POST", "/api/v1/store/products", {
      name: { en: `Lamp ${i}`, ar: `مصباح ${i}` },
      price: 10,
    });
    expect(res.status).toBe(201);
  }
  const events = jobs.sent.filter((j) => j.queue === QUEUES.webhookFanout);
  expect(events).toHaveLength(count);
  jobs.sent.length = 0;
  await fanOut(
    s.engine,
    events.map((e) => e.data.eventId as string),
  );
}

const statuses = async (s: Awaited<ReturnType<typeof storeWithEndpoint>>) =>
  (
    (await (await s.call("GET", `/api/v1/webhooks/${s.endpointId}/deliveries`)).json()).data as {
      status: string;
      attempts: number;
    }[]
  ).map((d) => `${d.status}/${d.attempts}`);

describe("fan-out in batches", () => {
  it("a batch of events from two stores reaches each store's endpoints only; the oldest due is claimed first", async () => {
    const receiver = await slowReceiver(0);
    try {
      const a = await storeWithEndpoint(receiver.server);
      const b = await storeWithEndpoint(receiver.server);
      jobs.sent.length = 0;
      for (const [s, name] of [
        [a, "A1"],
        [b, "B1"],
        [a, "A2"],
        [a, "A3"],
      ] as const)
        await s.call("POST", "/api/v1/store/products", { name: { en: name }, price: 1 });
      const events = jobs.sent.splice(0).map((j) => j.data.eventId as string);
      expect(events).toHaveLength(4);

      await fanOut(a.engine, events);
      // Running the batch again (pg-boss retrying it) creates nothing new.
      await fanOut(a.engine, events);
      expect(await statuses(a)).toEqual(["pending/0", "pending/0", "pending/0"]);
      expect(await statuses(b)).toEqual(["pending/0"]);

      // The test clock stands still, so the three are due at the same instant; make A3 the
      // oldest (a retry long due, say): it is claimed first, with one more of A's (two slots).
      await t.db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(Date.now() - 60_000) })
        .where(sql`${webhookDeliveries.body}::jsonb #>> '{data,name,en}' = 'A3'`);
      const claimed = await claimDue(a.engine, 100);
      const names = (endpointId: string) =>
        claimed
          .filter((c) => c.endpoint.id === endpointId)
          .map((c) => JSON.parse(c.delivery.body).data.name.en as string);
      expect(names(a.endpointId)).toHaveLength(2);
      expect(names(a.endpointId)[0]).toBe("A3");
      expect(new Set(names(a.endpointId)).size).toBe(2);
      expect(names(b.endpointId)).toEqual(["B1"]);
    } finally {
      await receiver.close();
    }
  });
});

describe("an endpoint's delivery slots", () => {
  it("at most two deliveries reach one endpoint at once, however many instances claim together", async () => {
    const slow = await slowReceiver(300);
    try {
      const s = await storeWithEndpoint(slow.server);
      await deliveriesFor(s, 4);
      // Four claims at the same instant, as four instances would: two slots between them.
      const claims = await Promise.all([1, 2, 3, 4].map(() => claimDue(s.engine, 10)));
      const mine = claims.flat().filter((c) => c.endpoint.id === s.endpointId);
      expect(mine).toHaveLength(SLOTS_PER_ENDPOINT);
      expect(new Set(mine.map((c) => c.delivery.id)).size).toBe(SLOTS_PER_ENDPOINT);
    } finally {
      await slow.close();
    }
  });

  it("two dispatchers (two instances) deliver every delivery once, never more than two at a time", async () => {
    const slow = await slowReceiver(200);
    const engine = (await storeWithEndpoint(slow.server)).engine;
    const s = await storeWithEndpoint(slow.server);
    const dispatchers = [1, 2].map(() => startDispatcher(engine, { pollMs: 50 }));
    try {
      await deliveriesFor(s, 6);
      dispatchers.forEach((d) => d.wake());
      await expect
        .poll(() => statuses(s), { timeout: 15_000 })
        .toEqual(Array(6).fill("succeeded/1"));
      expect(slow.stats.maxInFlight).toBe(SLOTS_PER_ENDPOINT);
      expect(slow.stats.received).toBe(6);
      expect(new Set(slow.stats.ids).size).toBe(6);
    } finally {
      await Promise.all(dispatchers.map((d) => d.stop()));
      await slow.close();
    }
  });

  it("an endpoint removed while its delivery is on the wire: nothing is recorded and the dispatcher goes on", async () => {
    const slow = await slowReceiver(300);
    const s = await storeWithEndpoint(slow.server);
    const other = await storeWithEndpoint(slow.server);
    const dispatcher = startDispatcher(s.engine, { pollMs: 50 });
    try {
      await deliveriesFor(s, 1);
      dispatcher.wake();
      await slow.firstArrival;
      expect((await s.call("DELETE", `/api/v1/webhooks/${s.endpointId}`)).status).toBe(204);
      // Before: the attempt's insert broke its foreign key and the delivery was tried again.
      await deliveriesFor(other, 1);
      dispatcher.wake();
      await expect.poll(() => statuses(other), { timeout: 10_000 }).toEqual(["succeeded/1"]);
      expect(slow.stats.received).toBe(2);
    } finally {
      await dispatcher.stop();
      await slow.close();
    }
  });

  it("a claim whose process died is sent again once its lease lapses, and only then", async () => {
    const receiver = await slowReceiver(0);
    const s = await storeWithEndpoint(receiver.server);
    // A 1 s send timeout: the lease of a claim is the timeout plus a 5 s margin.
    const engine = { ...s.engine, timeoutMs: 1_000 };
    let dispatcher: ReturnType<typeof startDispatcher> | undefined;
    try {
      await deliveriesFor(s, 1);
      const [dead] = (await claimDue(engine, 100)).filter((c) => c.endpoint.id === s.endpointId);
      expect(dead).toBeDefined();
      const claimedAt = Date.now();
      // The claimer is gone; a fresh instance starts and finds the delivery held.
      dispatcher = startDispatcher(engine, { pollMs: 100 });
      await receiver.firstArrival;
      expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(5_500);
      await expect.poll(() => statuses(s), { timeout: 5_000 }).toEqual(["succeeded/1"]);
      expect(receiver.stats.received).toBe(1);
    } finally {
      await dispatcher?.stop();
      await receiver.close();
    }
  });
});
