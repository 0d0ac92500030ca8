/**
 * Webhook delivery throughput and enqueue-to-delivery latency, on PGlite and PostgreSQL:
 *   npx tsx tests/bench/webhooks.ts            (BENCH_EVENTS=500 BENCH_ENDPOINTS=4)
 *   BENCH_BACKLOG=1 npx tsx tests/bench/webhooks.ts   (record first, then time the drain)
 * Events are recorded as services record them (outbox row + fan-out job in one transaction);
 * a local receiver answers 200 and timestamps each arrival.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto";
import { recordEvent } from "@/lib/events/service";
import { tenants } from "@/lib/tenants/schema";
import { webhookEndpoints } from "@/lib/webhooks/schema";
import { newSigningSecret } from "@/lib/webhooks/signing";
import { startWebhookWorkers } from "@/lib/webhooks/worker";
import { startJobs } from "@/lib/jobs/queue";
import { startReceiver } from "../api/webhook-receiver";
import { notifyCredentialChanges } from "@/lib/auth/credential-cache";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const key = Buffer.alloc(32, 7);
/** BENCH_RATE=n records n events a second (latency at a steady load); unset, as fast as it can. */
const RATE = Number(process.env.BENCH_RATE ?? 0);
/** BENCH_ONLY=pglite|postgres runs one database. */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_BACKLOG=1 records every event first, then starts the workers and times the drain. */
const BACKLOG = process.env.BENCH_BACKLOG === "1";
/** Concurrent writers recording events (BENCH_RECORDERS), as concurrent API requests would. */
const RECORDERS = Number(process.env.BENCH_RECORDERS ?? 8);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * One database: events recorded by RECORDERS concurrent writers (as concurrent API requests do)
 * while the workers run ("live"), or all recorded first and then drained ("backlog").
 */
async function run(label: string, database: Database) {
  await database.migrate();
  const receiver = await startReceiver();
  const startWorkers = () =>
    startWebhookWorkers(
      database,
      { encryptionKey: key, allowPrivate: true },
      { pollingIntervalSeconds: 0.5 },
    );
  // In the backlog mode the events go through a queue with no workers, which start afterwards.
  const recorder = BACKLOG ? await startJobs(database) : undefined;
  let workers = BACKLOG ? undefined : await startWorkers();
  try {
    const [tenant] = await database.db
      .insert(tenants)
      .values({ slug: "bench", nameEn: "Bench", nameAr: "اختبار" })
      .returning();
    for (let i = 0; i < ENDPOINTS; i++) {
      await database.db.insert(webhookEndpoints).values({
        tenantId: tenant!.id,
        url: `${receiver.url}?e=${i}`,
        events: ["product.created"],
        secretSealed: encryptSecret(key, newSigningSecret()),
      });
    }
    const ctx = {
      db: database.db,
      tenant: tenant!,
      ip: "bench",
      requestId: "bench",
      now: () => new Date(),
      jobs: (recorder ?? workers)!.sender,
      credentials: notifyCredentialChanges,
    };
    const sentAt = new Map<string, number>();
    const started = performance.now();
    let cpuFrom = process.cpuUsage();
    let next = 0;
    const record = async () => {
      for (let i = next++; i < EVENTS; i = next++) {
        await database.db.transaction(async (tx) => {
          await recordEvent(tx, { ...ctx, db: tx }, "product.created", {
            id: `p${i}`,
            name: { en: `Product ${i}`, ar: `منتج ${i}` },
            price: 10,
          });
        });
        sentAt.set(`p${i}`, Date.now());
        if (RATE) {
          const due = started + ((i + 1) * 1000) / RATE;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }
    };
    await Promise.all(Array.from({ length: RATE ? 1 : RECORDERS }, record));
    const enqueueMs = performance.now() - started;
    if (!workers) {
      await recorder!.stop();
      workers = await startWorkers();
      // The drain is timed from when the workers are ready, not from pg-boss's own start.
      cpuFrom = process.cpuUsage();
    }
    const drainFrom = performance.now();
    await receiver.waitFor(EVENTS * ENDPOINTS, 600_000);
    const totalMs = performance.now() - (BACKLOG ? drainFrom : started);
    const cpu = process.cpuUsage(cpuFrom);
    const latencies = receiver.received
      .map((r) => r.at - sentAt.get((JSON.parse(r.body) as { data: { id: string } }).data.id)!)
      .sort((a, b) => a - b);
    return {
      label,
      deliveries: receiver.received.length,
      enqueuePerSecond: Math.round((EVENTS / enqueueMs) * 1000),
      deliveriesPerSecond: Math.round((receiver.received.length / totalMs) * 1000),
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      /** This process's CPU (workers, recorders and the receiver) per delivery. */
      cpuMsPerDelivery: (cpu.user + cpu.system) / 1000 / receiver.received.length,
    };
  } finally {
    await workers?.stop();
    await receiver.close();
    await database.close();
  }
}

const results = [];
const dir = mkdtempSync(path.join(tmpdir(), "bs-bench-webhooks-"));
try {
  if (ONLY !== "postgres") results.push(await run("pglite", await openDatabase({ dataDir: dir })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: adminUrl });
if (
  ONLY !== "pglite" &&
  (await admin.connect().then(
    () => true,
    () => false,
  ))
) {
  const name = `bs_bench_webhooks_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    results.push(await run("postgres", await openDatabase({ url: url.toString() })));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
console.log(
  `\n${EVENTS} events x ${ENDPOINTS} endpoints, ${BACKLOG ? "recorded first, then drained" : RATE ? `${RATE} events/s` : `recorded by ${RECORDERS} writers while delivering`}, receiver on loopback answering 200, ${new Date().toISOString()}\n`,
);
console.log(
  "| database | deliveries | events recorded/s | deliveries/s | enqueue-to-delivery p50 (ms) | p99 (ms) | bench process CPU ms per delivery |",
);
console.log("|---|---|---|---|---|---|---|");
for (const r of results)
  console.log(
    `| ${r.label} | ${r.deliveries} | ${r.enqueuePerSecond} | ${r.deliveriesPerSecond} | ${r.p50} | ${r.p99} | ${r.cpuMsPerDelivery.toFixed(2)} |`,
  );
process.exit(0);
