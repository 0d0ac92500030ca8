/**
 * List and search throughput with 100k products in one store, on PGlite and PostgreSQL, for the
 * Store API and for a bare baseline (node:http + the same driver + the same SQL):
 *   npx tsx tests/bench/products.ts            (BENCH_PRODUCTS=100000 BENCH_SECONDS=10)
 * Prints a markdown table; docs/benchmarks.md keeps the figures.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import autocannon from "autocannon";
import { openDatabase } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { products } from "@/lib/products/schema";
import { tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";
import { foldForSearch } from "@/lib/text/search";

const COUNT = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PASSWORD = "bench-password-1";
/** BENCH_ONLY=pglite|postgres runs one database; BENCH_PROFILE=dir writes the API's CPU profiles. */
const ONLY = process.env.BENCH_ONLY;
const PROFILE = process.env.BENCH_PROFILE;
/** BENCH_KEEP=1 keeps the seeded databases (and prints where) for EXPLAIN. */
const KEEP = process.env.BENCH_KEEP === "1";

const AR = ["قهوة", "تمر", "عطر", "بخور", "سجادة", "مصباح", "فنجان", "دلة", "عسل", "زعفران"];
const EN = [
  "Coffee",
  "Dates",
  "Perfume",
  "Incense",
  "Carpet",
  "Lamp",
  "Cup",
  "Pot",
  "Honey",
  "Saffron",
];
const ADJ_AR = ["فاخر", "أصيل", "ممتاز", "تقليدي", "حديث"];
const ADJ_EN = ["Luxury", "Authentic", "Premium", "Traditional", "Modern"];

async function seed(options: { url?: string; dataDir?: string }) {
  const database = await openDatabase(options);
  await database.migrate();
  const db = database.db;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug: "bench", nameEn: "Bench", nameAr: "اختبار" })
    .returning();
  await db.insert(users).values({
    tenantId: tenant!.id,
    email: "owner@bench.test",
    name: "Bench",
    role: "owner",
    passwordHash: await hashPassword(PASSWORD),
  });
  const base = Date.now() - COUNT * 1000;
  for (let start = 0; start < COUNT; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(COUNT, start + 1000); i++) {
      const nameEn = `${ADJ_EN[i % 5]} ${EN[i % 10]} ${i}`;
      const nameAr = `${AR[i % 10]} ${ADJ_AR[(i >> 3) % 5]} ${i}`;
      const sku = `SKU-${i}`;
      const tags = [EN[(i * 7) % 10]!.toLowerCase()];
      batch.push({
        tenantId: tenant!.id,
        nameEn,
        nameAr,
        descriptionEn: `${nameEn} from our collection`,
        descriptionAr: `${nameAr} من مجموعتنا`,
        priceMinor: 1000 + (i % 50000),
        currency: "SAR",
        category: EN[i % 10]!.toLowerCase(),
        tags,
        sku,
        status: (i % 3 ? "active" : "draft") as "active" | "draft",
        inventory: i % 100,
        searchText: foldForSearch(
          [
            nameEn,
            nameAr,
            sku,
            tags.join(" "),
            `${nameEn} from our collection`,
            `${nameAr} من مجموعتنا`,
          ].join(" \u0001 "),
        ),
        createdAt: new Date(base + i * 1000),
        updatedAt: new Date(base + i * 1000),
      });
    }
    await db.insert(products).values(batch);
  }
  await database.db.execute("analyze products" as never).catch(() => {});
  await database.close();
}

async function withServer<T>(
  mode: "api" | "baseline",
  env: Record<string, string>,
  port: number,
  run: () => Promise<T>,
): Promise<T> {
  const child = fork(path.join(import.meta.dirname, "bench-server.ts"), [], {
    env: {
      ...process.env,
      ...env,
      MODE: mode,
      PORT: String(port),
      LOG_LEVEL: "error",
      RATE_LIMIT_POINTS: "1000000000",
    },
    execArgv: [
      "--import",
      "tsx",
      ...(PROFILE && mode === "api" ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE}`] : []),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
  try {
    return await run();
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function measure(url: string, headers: Record<string, string>) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

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
  let token = "";
  await withServer("api", env, port, async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tenant-id": "bench" },
      body: JSON.stringify({ email: "owner@bench.test", password: PASSWORD }),
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  for (const [label, query] of TARGETS) {
    const headers = { "x-tenant-id": "bench", authorization: `Bearer ${token}` };
    const api = await withServer("api", env, port, () =>
      measure(`http://127.0.0.1:${port}/api/v1/store/products${query}`, headers),
    );
    const bare = await withServer("baseline", env, port, () =>
      measure(`http://127.0.0.1:${port}/products${query}`, headers),
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
    await seed({ dataDir });
    console.error(
      `PGlite: seeded ${COUNT} products in ${Math.round(performance.now() - started)} ms`,
    );
    results.push(...(await bench("pglite", { DATA_DIR: dataDir })));
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
    const name = `bs_bench_products_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      started = performance.now();
      await seed({ url: url.toString() });
      console.error(
        `PostgreSQL: seeded ${COUNT} products in ${Math.round(performance.now() - started)} ms`,
      );
      results.push(
        ...(await bench("postgres", { DATABASE_URL: url.toString(), DATA_DIR: dataDir })),
      );
    } finally {
      if (KEEP) console.error(`kept ${url.toString()}`);
      else await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
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
