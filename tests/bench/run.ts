/**
 * Benchmarks the production server as an operator would run it (needs `npm run build` first):
 *   npm run bench                 # PGlite, and PostgreSQL when 127.0.0.1:5432 answers
 *   BENCH_SECONDS=20 npm run bench
 * Reports cold start (spawn -> first healthy reply), RSS at idle, and requests/s with latency
 * percentiles for GET /health and an authenticated GET /api/v1/auth/me.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import autocannon from "autocannon";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = 3200;
const base = `http://127.0.0.1:${port}`;
const password = "bench-password-1";

interface Row {
  database: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServer(
  env: Record<string, string>,
  args: string[],
): Promise<{ child: ChildProcess; coldStartMs: number }> {
  const started = performance.now();
  // The compiled server, as `npm start` runs it (`npm run build` writes dist/server.js).
  const child = spawn(process.execPath, ["dist/server.js", "--seed-demo", ...args], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      LOG_LEVEL: "error",
      RATE_LIMIT_POINTS: "1000000000",
      DEMO_PASSWORD: password,
      AUTH_SECRET: "bench-secret-0123456789-0123456789-abcdef",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return { child, coldStartMs: performance.now() - started };
    } catch {
      /* not listening yet */
    }
    await sleep(25);
  }
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function load(
  target: string,
  url: string,
  headers: Record<string, string>,
  database: string,
): Promise<Row> {
  // Warm up (JIT, connection pool), then measure.
  await autocannon({ url, headers, connections, duration: 2 });
  const r = await autocannon({ url, headers, connections, duration: seconds });
  return {
    database,
    target,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** One server: the whole one (API and admin), or with `--api-only` the Store API alone. */
async function benchOne(database: string, env: Record<string, string>, apiOnly = false) {
  const { child, coldStartMs } = await startServer(env, apiOnly ? ["--api-only"] : []);
  database = apiOnly ? `${database}, API only` : database;
  try {
    await sleep(5000);
    const idleRss = rssMiB(child.pid!);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tenant-id": "demo" },
      body: JSON.stringify({ email: "owner@demo.test", password }),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const rows = [
      await load("GET /health", `${base}/health`, {}, database),
      await load(
        "GET /api/v1/auth/me",
        `${base}/api/v1/auth/me`,
        { authorization: `Bearer ${access_token}`, "x-tenant-id": "demo" },
        database,
      ),
    ];
    const loadedRss = rssMiB(child.pid!);
    return { database, coldStartMs: Math.round(coldStartMs), idleRss, loadedRss, rows };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function postgresAvailable(url: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const results = [];
const dataDir = mkdtempSync(path.join(tmpdir(), "bs-bench-"));
try {
  results.push(await benchOne("pglite", { DATA_DIR: dataDir }));
  results.push(await benchOne("pglite", { DATA_DIR: dataDir }, true));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (await postgresAvailable(adminUrl)) {
  const name = `bs_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pgDataDir = mkdtempSync(path.join(tmpdir(), "bs-bench-"));
  try {
    const env = { DATABASE_URL: url.toString(), DATA_DIR: pgDataDir };
    results.push(await benchOne("postgres", env));
    results.push(await benchOne("postgres", env, true));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(pgDataDir, { recursive: true, force: true });
  }
}

console.log(`\n${connections} connections, ${seconds} s per target, ${new Date().toISOString()}\n`);
console.log("| database | cold start (ms) | RSS idle (MiB) | RSS after load (MiB) |");
console.log("|---|---|---|---|");
for (const r of results)
  console.log(`| ${r.database} | ${r.coldStartMs} | ${r.idleRss} | ${r.loadedRss} |`);
console.log("\n| database | target | requests/s | p50 (ms) | p99 (ms) | errors |");
console.log("|---|---|---|---|---|---|");
for (const r of results.flatMap((x) => x.rows))
  console.log(`| ${r.database} | ${r.target} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
