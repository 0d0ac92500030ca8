/**
 * `npm run soak` (after `npm run build`): the production server under mixed traffic for a while,
 * on loopback only. Seeds one store of 1,000 products on PGlite (SOAK_DB=postgres: a fresh
 * PostgreSQL database), subscribes a local webhook receiver to orders and products, measures the
 * mix's peak for 5 s with 16 clients, then sends it at half that rate (open loop: latency counts
 * from when a request was due) for SOAK_SECONDS (600). Reports errors (target 0), p50/p99 per
 * kind, the server's resident memory over the run (target: flat) and whether every event's
 * webhook arrived. Exits 1 when a target is missed, so CI runs it bounded (SOAK_SECONDS=60).
 *   SOAK_SECONDS=600 SOAK_DB=pglite|postgres SOAK_RATE=n (requests/s; default half the peak)
 */
import { createServer } from "node:http";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedCredentialStore } from "../bench/credentials";
import { withPostgresDatabase } from "../bench/product-store";
import { rssMiB, sleep, startServer, stopServer } from "../bench/server-process";
import { EVENT_OF, pickKind, request, type Kind, type Outcome, type Store } from "./traffic";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const DB = process.env.SOAK_DB ?? "pglite";
const PORT = Number(process.env.SOAK_PORT ?? 3210);
/** Requests in flight at most; past it a due request waits, and its wait counts in its latency. */
const MAX_IN_FLIGHT = 64;
/** Memory may grow this much after warming up before it counts as a leak. */
const GROWTH_ALLOWED = (startMiB: number) => Math.max(32, startMiB * 0.1);
/**
 * Memory is judged on runs this long or longer. In the first minutes V8's heap is still growing to
 * its working size (a 60 s run on PostgreSQL went 222 -> 270 MiB, then 10-minute runs stay flat),
 * so a short run's growth says nothing about a leak; CI's bounded run reports it and judges the rest.
 */
const MEMORY_JUDGED_FROM_SECONDS = 300;

/** A webhook receiver that counts each event once (by its webhook-id) and every repeat. */
async function startEventCounter() {
  const seen = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = String(req.headers["webhook-id"]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/soak`,
    distinct: () => seen.size,
    repeats: () => [...seen.values()].reduce((n, c) => n + c - 1, 0),
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Requests that succeeded and made an event the webhook endpoint hears of. */
const madeEvents = (outcomes: Outcome[]) =>
  outcomes.filter((o) => !o.error && EVENT_OF[o.kind]).length;

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/** Closed loop, `clients` at a time for `seconds`: the mix's requests/s at its peak. */
async function peak(store: Store, clients: number, seconds: number) {
  const until = performance.now() + seconds * 1000;
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) outcomes.push(await request(store, pickKind()));
    }),
  );
  return { perSecond: outcomes.length / seconds, events: madeEvents(outcomes) };
}

interface Sample {
  kind: Kind;
  ms: number;
  outcome: Outcome;
}

/** Open loop at `rate` requests/s for `seconds`; the server's RSS sampled every 5 s. */
async function soak(store: Store, rate: number, seconds: number, pid: number) {
  const samples: Sample[] = [];
  const memory: { at: number; rss: number }[] = [];
  const started = performance.now();
  const total = Math.round(rate * seconds);
  let launched = 0;
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  let nextMemory = 0;
  while (launched < total) {
    const now = performance.now();
    if (now - started >= nextMemory) {
      memory.push({ at: Math.round((now - started) / 1000), rss: rssMiB(pid) });
      nextMemory += 5000;
    }
    const due = Math.min(total, Math.floor(((now - started) / 1000) * rate));
    while (launched < due && inFlight < MAX_IN_FLIGHT) {
      const dueAt = started + (launched * 1000) / rate;
      const kind = pickKind();
      launched++;
      inFlight++;
      const p = request(store, kind).then((outcome) => {
        samples.push({ kind, ms: performance.now() - dueAt, outcome });
        inFlight--;
        running.delete(p);
      });
      running.add(p);
    }
    await sleep(5);
  }
  await Promise.all(running);
  memory.push({ at: Math.round((performance.now() - started) / 1000), rss: rssMiB(pid) });
  return { samples, memory, seconds: (performance.now() - started) / 1000 };
}

async function run(env: Record<string, string>, seed: ReturnType<typeof seedCredentialStore>) {
  const store0 = await seed;
  const { child } = await startServer({
    port: PORT,
    env: {
      ...env,
      ...store0.env,
      WEBHOOKS_ALLOW_PRIVATE: "1",
      // One sign-in for the whole run, however long.
      ACCESS_TOKEN_TTL_SECONDS: String(SECONDS + 600),
    },
  });
  const receiver = await startEventCounter();
  try {
    const { accessToken } = await store0.credentials(PORT);
    const base = `http://127.0.0.1:${PORT}`;
    const headers = { "x-tenant-id": "bench", authorization: `Bearer ${accessToken}` };
    const hook = await fetch(`${base}/api/v1/webhooks`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, events: Object.values(EVENT_OF) }),
    });
    if (!hook.ok) throw new Error(`webhook endpoint: ${hook.status} ${await hook.text()}`);
    const page = (await (
      await fetch(`${base}/api/v1/store/products?limit=100&status=active`, { headers })
    ).json()) as { data: { id: string }[] };
    const productIds = page.data.slice(0, 20).map((p) => p.id);
    // Enough stock that orders never run out: a refused order would count as an error.
    for (const id of productIds) {
      const res = await fetch(`${base}/api/v1/store/products/${id}`, {
        method: "PATCH",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ inventory: 100_000_000 }),
      });
      if (!res.ok) throw new Error(`stocking ${id}: ${res.status} ${await res.text()}`);
    }
    const store: Store = { base, headers, productIds };

    const measured = await peak(store, 16, 5);
    const rate = Number(process.env.SOAK_RATE ?? Math.max(1, Math.floor(measured.perSecond / 2)));
    console.error(
      `peak ${Math.round(measured.perSecond)} requests/s; soaking at ${rate}/s for ${SECONDS} s`,
    );
    const result = await soak(store, rate, SECONDS, child.pid!);
    // Every event the run made must reach the receiver: wait for the stragglers.
    const events = measured.events + madeEvents(result.samples.map((s) => s.outcome));
    const deadline = Date.now() + 60_000;
    while (receiver.distinct() < events && Date.now() < deadline) await sleep(250);
    return {
      ...result,
      peak: measured.perSecond,
      rate,
      events,
      delivered: receiver.distinct(),
      repeats: receiver.repeats(),
    };
  } finally {
    await stopServer(child);
    await receiver.close();
  }
}

if (!existsSync("dist/server.js")) throw new Error("dist/server.js is missing: npm run build");
const dataDir = mkdtempSync(path.join(tmpdir(), "bs-soak-"));
let report: Awaited<ReturnType<typeof run>> | undefined;
try {
  if (DB === "postgres") {
    report = await withPostgresDatabase("bs_soak", (url) =>
      run({ DATA_DIR: dataDir, DATABASE_URL: url }, seedCredentialStore({ url, dataDir }, 1_000)),
    );
    if (!report) throw new Error("SOAK_DB=postgres, but PostgreSQL does not answer");
  } else {
    report = await run({ DATA_DIR: dataDir }, seedCredentialStore({ dataDir }, 1_000));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const { samples, memory } = report;
const errors = samples.filter((s) => s.outcome.error);
const kinds = [...new Set(samples.map((s) => s.kind))].sort();
console.log(
  `\nSoak on ${DB}: ${samples.length} requests in ${Math.round(report.seconds)} s at ${report.rate}/s (peak measured ${Math.round(report.peak)}/s), ${new Date().toISOString()}\n`,
);
console.log("| kind | requests | errors | p50 (ms) | p99 (ms) |");
console.log("|---|---|---|---|---|");
for (const kind of [...kinds, "all"]) {
  const of = samples.filter((s) => kind === "all" || s.kind === kind);
  const ms = of.map((s) => s.ms).sort((a, b) => a - b);
  const failed = of.filter((s) => s.outcome.error).length;
  console.log(
    `| ${kind} | ${of.length} | ${failed} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 99).toFixed(1)} |`,
  );
}
// Memory: the median of the second fifth of the run (warmed up) against that of the last fifth,
// so one garbage collection's saw-tooth is not read as growth.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fifth = (from: number, to: number) =>
  median(
    memory
      .filter((m) => m.at >= (from * report!.seconds) / 5 && m.at <= (to * report!.seconds) / 5)
      .map((m) => m.rss),
  );
const warm = fifth(1, 2);
const end = fifth(4, 5);
const highest = Math.max(...memory.map((m) => m.rss));
console.log(
  `\nServer RSS (MiB): ${memory[0]!.rss} at the start, ${warm} warmed up (median of the second fifth), ${end} at the end (median of the last fifth), ${highest} at most`,
);
console.log(
  `Webhooks: ${report.events} events, ${report.delivered} delivered, ${report.repeats} repeated deliveries`,
);
for (const e of errors.slice(0, 10)) console.log(`error: ${e.kind}: ${e.outcome.error}`);

const memoryJudged = report.seconds >= MEMORY_JUDGED_FROM_SECONDS;
if (!memoryJudged)
  console.log(
    `Memory not judged: the run is shorter than ${MEMORY_JUDGED_FROM_SECONDS} s, while V8's heap still grows to its working size`,
  );
const missed = [
  errors.length > 0 && `${errors.length} requests failed`,
  memoryJudged &&
    end - warm > GROWTH_ALLOWED(warm) &&
    `memory grew ${end - warm} MiB after warming up`,
  report.delivered < report.events && `${report.events - report.delivered} webhooks did not arrive`,
].filter(Boolean);
if (missed.length) {
  console.log(`\nNOT met: ${missed.join("; ")}`);
  process.exit(1);
}
console.log(`\nmet: no errors, ${memoryJudged ? "memory flat, " : ""}every webhook delivered`);
process.exit(0);
