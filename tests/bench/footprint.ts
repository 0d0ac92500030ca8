/**
 * Where an idle server's memory goes (docs/benchmarks.md, "Footprint"; issue 20, item 5). The
 * server with the demo store, whole and `--api-only`, started through the TypeScript loader
 * (`node --import tsx server.ts`, as `npm start` did) or compiled (`node dist/server.js`), and on
 * PGlite with PostgreSQL's default 128MB of shared buffers or the 16MB it now starts with; on
 * PostgreSQL too when 127.0.0.1:5432 (BENCH_DATABASE_URL) answers. Each is used lightly (five
 * rounds of /auth/me, a product page and the admin's sign-in page), left alone for 5 s, then
 * measured: VmRSS, and process.memoryUsage() from inside. Needs `npm run build`.
 *   npx tsx tests/bench/footprint.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withPostgresDatabase } from "./product-store";
import { lightUse, memoryUsage, rssMiB, sleep, startServer, stopServer } from "./server-process";

const PORT = 3220;
const base = `http://127.0.0.1:${PORT}`;
const DEMO_PASSWORD = "bench-password-1";
const LOADERS = {
  tsx: { execArgv: ["--import", "tsx"], script: "server.ts" },
  compiled: { execArgv: [], script: "dist/server.js" },
} as const;

interface Variant {
  database: string;
  loader: keyof typeof LOADERS;
  sharedBuffers: string;
  apiOnly: boolean;
  env: Record<string, string>;
  note?: string;
}

async function signIn() {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tenant-id": "demo" },
    body: JSON.stringify({ email: "owner@demo.test", password: DEMO_PASSWORD }),
  });
  const { access_token } = (await res.json()) as { access_token: string };
  return { "x-tenant-id": "demo", authorization: `Bearer ${access_token}` };
}

async function measureVariant(v: Variant, scratch: string) {
  const file = path.join(scratch, "memory.json");
  const { child, coldStartMs } = await startServer({
    port: PORT,
    ...LOADERS[v.loader],
    args: ["--seed-demo", ...(v.apiOnly ? ["--api-only"] : [])],
    env: {
      ...v.env,
      DEMO_PASSWORD,
      FOOTPRINT_FILE: file,
      ...(v.database === "PGlite" && { PGLITE_SHARED_BUFFERS: v.sharedBuffers }),
    },
    memoryProbe: true,
  });
  try {
    await lightUse(base, await signIn(), v.apiOnly, 5);
    await sleep(5000);
    return { ...v, coldStartMs, rss: rssMiB(child.pid!), memory: await memoryUsage(child, file) };
  } finally {
    await stopServer(child);
  }
}

function variants(database: string, env: Record<string, string>, buffers: string[]): Variant[] {
  const out: Variant[] = [];
  for (const loader of ["tsx", "compiled"] as const)
    for (const sharedBuffers of buffers)
      for (const apiOnly of [false, true])
        out.push({ database, loader, sharedBuffers, apiOnly, env });
  return out;
}

const results = [];
const scratch = mkdtempSync(path.join(tmpdir(), "bs-bench-footprint-"));
try {
  const dataDir = path.join(scratch, "pglite");
  // The first start creates the data directory (initdb, migrations, the demo store): measured on
  // its own, as it may idle higher until the next start (docs/decisions/0018-embedded-footprint.md).
  const env = { DATA_DIR: dataDir };
  const first: Variant = {
    database: "PGlite",
    loader: "compiled",
    sharedBuffers: "16MB",
    apiOnly: false,
    env,
    note: "first start",
  };
  results.push(await measureVariant(first, scratch));
  for (const v of variants("PGlite", env, ["128MB", "16MB"]))
    results.push(await measureVariant(v, scratch));
  await withPostgresDatabase("bs_bench_footprint", async (url) => {
    const pgEnv = { DATABASE_URL: url, DATA_DIR: path.join(scratch, "postgres") };
    for (const v of variants("PostgreSQL", pgEnv, ["-"]))
      results.push(await measureVariant(v, scratch));
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\nIdle after light use, ${new Date().toISOString()}; MiB\n`);
console.log(
  "| database | start | shared_buffers | server | cold start (ms) | RSS | heap used / total | external (arrayBuffers) |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const m = r.memory;
  const start = `${r.loader === "tsx" ? "tsx server.ts" : "dist/server.js"}${r.note ? `, ${r.note}` : ""}`;
  console.log(
    `| ${r.database} | ${start} | ${r.sharedBuffers} | ${r.apiOnly ? "API only" : "API and admin"} | ${r.coldStartMs} | ${r.rss} | ${m.heapUsed} / ${m.heapTotal} | ${m.external} (${m.arrayBuffers}) |`,
  );
}
