/**
 * What each way of authenticating costs on one read: GET /api/v1/store/products?limit=20 in a
 * store of 1,000 products, each credential against the same server, one after the other:
 *   npx tsx tests/bench/auth-paths.ts     (BENCH_SECONDS=8 BENCH_ONLY=pglite|postgres)
 * Prints a markdown table; docs/benchmarks.md ("Authentication paths") keeps the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureAuthPaths, seedCredentialStore } from "./credentials";
import { benchSettings, withPostgresDatabase, withServer } from "./product-store";

const { products: COUNT, load: LOAD, only: ONLY } = benchSettings({ products: 1_000, seconds: 8 });
const PORT = 3310;
const PAGE = `http://127.0.0.1:${PORT}/api/v1/store/products?limit=20`;

async function bench(database: string, target: { url?: string; dataDir?: string }) {
  const started = performance.now();
  const store = await seedCredentialStore(target, COUNT);
  console.error(`${database}: seeded in ${Math.round(performance.now() - started)} ms`);
  const env = {
    DATA_DIR: target.dataDir ?? "",
    ...store.env,
    ...(target.url && { DATABASE_URL: target.url }),
  };
  return withServer("api", env, PORT, async () => {
    const rows = await measureAuthPaths(PAGE, await store.credentials(PORT), LOAD);
    return rows.map((row) => ({ database, ...row }));
  });
}

const results = [];
const dataDir = mkdtempSync(path.join(tmpdir(), "bs-bench-auth-"));
try {
  // PGlite first: its data directory must be empty when it is created.
  if (ONLY !== "postgres") results.push(...(await bench("pglite", { dataDir })));
  if (ONLY !== "pglite") {
    const rows = await withPostgresDatabase("bs_bench_auth", (url) =>
      bench("postgres", { url, dataDir }),
    );
    results.push(...(rows ?? []));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\n${COUNT} products, 20 per page, ${LOAD.connections} connections, ${LOAD.seconds} s per run, ${new Date().toISOString()}\n`,
);
console.log("| database | credential | requests/s | p99 ms | errors |");
console.log("|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.database} | ${r.label} | ${r.rps} | ${r.p99} | ${r.errors} |`);
}
