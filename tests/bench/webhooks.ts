/**
 * Webhook delivery throughput and enqueue-to-delivery latency, on PGlite and PostgreSQL:
 *   npx tsx tests/bench/webhooks.ts            (BENCH_EVENTS=500 BENCH_ENDPOINTS=4)
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
import { startReceiver } from "../api/webhook-receiver";
import { notifyCredentialChanges } from "@/lib/auth/credential-cache";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);
const key = Buffer.alloc(32, 7);
/** BENCH_RATE=n records n events a second (latency at a steady load); unset, as fast as it can. */
const RATE = Number(process.env.BENCH_RATE ?? 0);
/** BENCH_ONLY=pglite|postgres runs one database. */
const ONLY = process.env.BENCH_ONLY;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(label: string, database: Database) {
  await database.migrate();
  const receiver = await startReceiver();
  const jobs = await startWebhookWorkers(
    database,
    { encryptionKey: key, allowPrivate: true },
    { pollingIntervalSeconds: 0.5 },
  );
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
      jobs: jobs.sender,
      credentials: notifyCredentialChanges,
    };
    const sentAt = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < EVENTS; i++) {
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
    const enqueueMs = performance.now() - started;
    await receiver.waitFor(EVENTS * ENDPOINTS, 600_000);
    const totalMs = performance.now() - started;
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
    };
  } finally {
    await jobs.stop();
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
  `\n${EVENTS} events x ${ENDPOINTS} endpoints, ${RATE ? `${RATE} events/s` : "as fast as recorded"}, receiver on loopback answering 200, ${new Date().toISOString()}\n`,
);
console.log(
  "| database | deliveries | events recorded/s | deliveries/s | enqueue-to-delivery p50 (ms) | p99 (ms) |",
);
console.log("|---|---|---|---|---|---|");
for (const r of results)
  console.log(
    `| ${r.label} | ${r.deliveries} | ${r.enqueuePerSecond} | ${r.deliveriesPerSecond} | ${r.p50} | ${r.p99} |`,
  );
process.exit(0);
