/**
 * `npm run bench`: the production server as an operator runs it (`npm run build` first: this
 * starts dist/server.js, as `npm start` does), on PGlite, then on PostgreSQL when
 * BENCH_DATABASE_URL (default 127.0.0.1:5432) answers. Each database gets one store of
 * BENCH_PRODUCTS (1,000) products with an owner, a read-only API key and an installed app
 * (./credentials.ts); then, for the whole server (API and admin) and for `--api-only`:
 *   - cold start (spawn to the first healthy /health) and RSS idle after light use, and after load;
 *   - requests/s for GET /health, GET /api/v1/auth/me and GET /api/v1/store/products?limit=20
 *     with a user's access token, the API key and the app's signed account token;
 * and the same page from a bare node:http server running one prepared SELECT (the list's own
 * statement) and from the same-SQL baseline (./bench-server.ts). Prints markdown tables, the list
 * as ratios, and issue 20's targets.
 *   BENCH_SECONDS=5 npm run bench      (BENCH_CONNECTIONS=20, BENCH_ONLY=pglite|postgres)
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureAuthPaths, seedCredentialStore, type Credentials } from "./credentials";
import { benchSettings, measure, withPostgresDatabase, withServer } from "./product-store";
import { lightUse, rssMiB, sleep, startServer, stopServer } from "./server-process";

const { products: COUNT, load: LOAD, only: ONLY } = benchSettings({ products: 1_000, seconds: 10 });
const PORT = 3200;
const BARE_PORT = 3201;
const base = `http://127.0.0.1:${PORT}`;
const PAGE = "/api/v1/store/products?limit=20";
/** Issue 20's targets. */
const TARGETS = { tokenOfBare: 0.6, keyOfToken: 0.95, pgliteIdleRssMiB: 350 };

type Load = Awaited<ReturnType<typeof measure>>;
interface ServerResult {
  database: string;
  server: string;
  coldStartMs: number;
  idleRss: number;
  loadedRss: number;
  rows: ({ target: string } & Load)[];
  /** The product page with each credential, in the order of AUTH_PATHS: token, key, app. */
  list: Load[];
}

async function benchServer(
  database: string,
  env: Record<string, string>,
  signIn: (port: number) => Promise<Credentials>,
  apiOnly: boolean,
): Promise<ServerResult> {
  const args = ["--seed-demo", ...(apiOnly ? ["--api-only"] : [])];
  const { child, coldStartMs } = await startServer({ port: PORT, args, env });
  try {
    const credentials = await signIn(PORT);
    const auth = { "x-tenant-id": "bench", authorization: `Bearer ${credentials.accessToken}` };
    await lightUse(base, auth, apiOnly);
    await sleep(5000);
    const idleRss = rssMiB(child.pid!);
    const rows = [
      { target: "GET /health", ...(await measure(`${base}/health`, {}, LOAD)) },
      { target: "GET /api/v1/auth/me", ...(await measure(`${base}/api/v1/auth/me`, auth, LOAD)) },
    ];
    const list = await measureAuthPaths(`${base}${PAGE}`, credentials, LOAD);
    rows.push(...list.map((r) => ({ ...r, target: `GET ${PAGE}, ${r.label}` })));
    const server = apiOnly ? "API only" : "API and admin";
    return { database, server, coldStartMs, idleRss, loadedRss: rssMiB(child.pid!), rows, list };
  } finally {
    await stopServer(child);
  }
}

/** A bare server's page, once checked to hold the 20 products the API's page holds. */
async function measurePage() {
  const url = `http://127.0.0.1:${BARE_PORT}/`;
  const { data } = (await (await fetch(url)).json()) as { data: unknown[] };
  if (data.length !== 20) throw new Error(`the bare page has ${data.length} products`);
  return measure(url, {}, LOAD);
}

async function benchDatabase(database: string, target: { url?: string; dataDir: string }) {
  const started = performance.now();
  const store = await seedCredentialStore(target, COUNT);
  console.error(`${database}: seeded in ${Math.round(performance.now() - started)} ms`);
  const env = {
    DATA_DIR: target.dataDir,
    ...store.env,
    ...(target.url && { DATABASE_URL: target.url }),
  };
  const servers = [
    await benchServer(database, env, store.credentials, false),
    await benchServer(database, env, store.credentials, true),
  ];
  const bare = await withServer("bare", env, BARE_PORT, measurePage);
  const baseline = await withServer("baseline", env, BARE_PORT, measurePage);
  return { database, servers, bare, baseline };
}

if (!existsSync("dist/server.js")) throw new Error("dist/server.js is missing: npm run build");

const results = [];
const dirs: string[] = [];
const freshDir = () => {
  dirs.push(mkdtempSync(path.join(tmpdir(), "bs-bench-")));
  return dirs.at(-1)!;
};
try {
  // PGlite's data directory must be empty when it is created: each database gets its own.
  if (ONLY !== "postgres") results.push(await benchDatabase("PGlite", { dataDir: freshDir() }));
  if (ONLY !== "pglite") {
    const dataDir = freshDir();
    const pg = await withPostgresDatabase("bs_bench", (url) =>
      benchDatabase("PostgreSQL", { url, dataDir }),
    );
    if (pg) results.push(pg);
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const pct = (a: number, b: number) => `${Math.round((100 * a) / b)}%`;
const mark = (ok: boolean) => (ok ? "met" : "NOT met");
const servers = results.flatMap((r) => r.servers);
console.log(
  `\n${COUNT} products, ${LOAD.connections} connections, ${LOAD.seconds} s per target after a 2 s warm-up, ${new Date().toISOString()}\n`,
);
console.log("| database | server | cold start (ms) | RSS idle (MiB) | RSS after load (MiB) |");
console.log("|---|---|---|---|---|");
for (const s of servers)
  console.log(`| ${s.database} | ${s.server} | ${s.coldStartMs} | ${s.idleRss} | ${s.loadedRss} |`);

console.log("\n| database | server | target | requests/s | p50 (ms) | p99 (ms) | errors |");
console.log("|---|---|---|---|---|---|---|");
const line = (database: string, server: string, target: string, r: Load) =>
  console.log(
    `| ${database} | ${server} | ${target} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`,
  );
for (const r of results) {
  for (const s of r.servers) for (const row of s.rows) line(r.database, s.server, row.target, row);
  line(r.database, "bare node:http, one prepared SELECT", `GET ${PAGE}`, r.bare);
  line(r.database, "same-SQL baseline (queryProductPage)", `GET ${PAGE}`, r.baseline);
}

console.log(
  "\n| database | server | token / bare one-SELECT | token / same-SQL baseline | key / token | app / token |",
);
console.log("|---|---|---|---|---|---|");
for (const r of results) {
  for (const s of r.servers) {
    const [token, key, app] = s.list.map((x) => x.rps) as [number, number, number];
    console.log(
      `| ${r.database} | ${s.server} | ${pct(token, r.bare.rps)} | ${pct(token, r.baseline.rps)} | ${pct(key, token)} | ${pct(app, token)} |`,
    );
  }
}

console.log("\nIssue 20's targets:");
for (const r of results) {
  for (const s of r.servers) {
    const [token, key] = s.list.map((x) => x.rps) as [number, number];
    console.log(
      `- ${r.database}, ${s.server}: token at ${pct(token, r.bare.rps)} of bare (>= 60%: ${mark(token >= TARGETS.tokenOfBare * r.bare.rps)}), key at ${pct(key, token)} of token (>= 95%: ${mark(key >= TARGETS.keyOfToken * token)})` +
        (r.database === "PGlite"
          ? `, idle RSS ${s.idleRss} MiB (< 350: ${mark(s.idleRss < TARGETS.pgliteIdleRssMiB)})`
          : ""),
    );
  }
}
