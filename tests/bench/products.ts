/**
 * List and search throughput with 100k products in one store, on PGlite and PostgreSQL, for the
 * Store API and for a bare baseline (node:http + the same driver + the same SQL):
 *   npx tsx tests/bench/products.ts            (BENCH_PRODUCTS=100000 BENCH_SECONDS=10)
 * Prints a markdown table; docs/benchmarks.md keeps the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as store from "./product-store";

const { measure, ownerAccessToken, seedProductStore, withPostgresDatabase, withServer } = store;
const settings = store.benchSettings({ products: 100_000, seconds: 10 });
const { products: COUNT, only: ONLY, load: LOAD } = settings;
const { connections: CONNECTIONS, seconds: SECONDS } = LOAD;
/** BENCH_PROFILE=dir writes the API's CPU profiles. */
const PROFILE = process.env.BENCH_PROFILE;
/** BENCH_KEEP=1 keeps the seeded databases (and prints where) for EXPLAIN. */
const KEEP = process.env.BENCH_KEEP === "1";

const TARGETS = [
  ["list, page 1", ""],
  ["search Arabic (قَهوه, 10,000 matches)", `?q=${encodeURIComponent("قَهوه")}`],
  [
    "search English (premium perfume 12, 112 matches)",
    `?q=${encodeURIComponent("Premium Perfume 12")}`,
  ],
] as const;

async function bench(database: string, env: Record<string, string>) {
  const rows = [];
  const port = 3300;
  const token = await withServer("api", env, port, () => ownerAccessToken(port));
  for (const [label, query] of TARGETS) {
    const headers = { "x-tenant-id": "bench", authorization: `Bearer ${token}` };
    const api = await withServer(
      "api",
      env,
      port,
      () => measure(`http://127.0.0.1:${port}/api/v1/store/products${query}`, headers, LOAD),
      PROFILE,
    );
    const bare = await withServer("baseline", env, port, () =>
      measure(`http://127.0.0.1:${port}/products${query}`, headers, LOAD),
    );
    rows.push({ database, label, api, bare });
  }
  return rows;
}

const results = [];
const dataDir = mkdtempSync(path.join(tmpdir(), "bs-bench-products-"));
try {
  let started = performance.now();
  if (ONLY !== "postgres") {
    await seedProductStore({ dataDir }, COUNT);
    console.error(
      `PGlite: seeded ${COUNT} products in ${Math.round(performance.now() - started)} ms`,
    );
    results.push(...(await bench("pglite", { DATA_DIR: dataDir })));
  }

  if (ONLY !== "pglite") {
    await withPostgresDatabase(
      "bs_bench_products",
      async (url) => {
        started = performance.now();
        await seedProductStore({ url }, COUNT);
        console.error(
          `PostgreSQL: seeded ${COUNT} products in ${Math.round(performance.now() - started)} ms`,
        );
        results.push(...(await bench("postgres", { DATABASE_URL: url, DATA_DIR: dataDir })));
      },
      KEEP,
    );
  }
} finally {
  if (KEEP) console.error(`kept PGlite data in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\n${COUNT} products, ${CONNECTIONS} connections, ${SECONDS} s per run, ${new Date().toISOString()}\n`,
);
console.log(
  "| database | request | API req/s | API p99 ms | baseline req/s | baseline p99 ms | API / baseline |",
);
console.log("|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.database} | ${r.label} | ${r.api.rps} | ${r.api.p99} | ${r.bare.rps} | ${r.bare.p99} | ${Math.round((100 * r.api.rps) / r.bare.rps)}% |`,
  );
  if (r.api.errors || r.bare.errors)
    console.log(`|  | errors: API ${r.api.errors}, baseline ${r.bare.errors} | | | | | |`);
}
