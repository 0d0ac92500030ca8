/**
 * What the product benchmarks share: one store ("bench") with `count` products and an owner, the
 * API (or a bare baseline) in a child process (./bench-server.ts), and one autocannon run.
 */
import { fork } from "node:child_process";
import path from "node:path";
import pg from "pg";
import autocannon from "autocannon";
import { openDatabase, type Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { products } from "@/lib/products/schema";
import { tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";
import { foldForSearch } from "@/lib/text/search";

export const BENCH_PASSWORD = "bench-password-1";

/** BENCH_PRODUCTS, BENCH_SECONDS, BENCH_CONNECTIONS (20) and BENCH_ONLY=pglite|postgres. */
export function benchSettings(defaults: { products: number; seconds: number }) {
  const env = process.env;
  return {
    products: Number(env.BENCH_PRODUCTS ?? defaults.products),
    load: {
      connections: Number(env.BENCH_CONNECTIONS ?? 20),
      seconds: Number(env.BENCH_SECONDS ?? defaults.seconds),
    },
    only: env.BENCH_ONLY,
  };
}

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

export async function seedProductStore(
  options: { url?: string; dataDir?: string },
  count: number,
  extra?: (db: Db, ids: { tenantId: string; ownerId: string }) => Promise<void>,
) {
  const database = await openDatabase(options);
  await database.migrate();
  const db = database.db;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug: "bench", nameEn: "Bench", nameAr: "اختبار" })
    .returning();
  const [owner] = await db
    .insert(users)
    .values({
      tenantId: tenant!.id,
      email: "owner@bench.test",
      name: "Bench",
      role: "owner",
      passwordHash: await hashPassword(BENCH_PASSWORD),
    })
    .returning();
  const base = Date.now() - count * 1000;
  for (let start = 0; start < count; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
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
  await extra?.(db, { tenantId: tenant!.id, ownerId: owner!.id });
  await database.db.execute("analyze products" as never).catch(() => {});
  await database.close();
}

export async function withServer<T>(
  mode: "api" | "baseline" | "bare",
  env: Record<string, string>,
  port: number,
  run: () => Promise<T>,
  profileDir?: string,
): Promise<T> {
  const child = fork(path.join(import.meta.dirname, "bench-server.ts"), [], {
    env: {
      ...process.env,
      ...env,
      MODE: mode,
      PORT: String(port),
      LOG_LEVEL: "error",
      RATE_LIMIT_POINTS: "1000000000",
      RATE_LIMIT_KEY_POINTS: "1000000000",
    },
    execArgv: [
      "--import",
      "tsx",
      ...(profileDir && mode === "api" ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
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

/** A 2-second warm-up, then `seconds` of load; non-2xx replies count as errors. */
export async function measure(
  url: string,
  headers: Record<string, string>,
  load: { connections: number; seconds: number },
) {
  const { connections, seconds } = load;
  await autocannon({ url, headers, connections, duration: 2 });
  const r = await autocannon({ url, headers, connections, duration: seconds });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** Signs the bench store's owner in; the API must be listening on `port`. */
export async function ownerAccessToken(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tenant-id": "bench" },
    body: JSON.stringify({ email: "owner@bench.test", password: BENCH_PASSWORD }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * Runs `fn` with the URL of a fresh PostgreSQL database (dropped after, unless `keep`); skipped
 * (undefined) when BENCH_DATABASE_URL, else 127.0.0.1:5432, does not answer.
 */
export async function withPostgresDatabase<T>(
  prefix: string,
  fn: (url: string) => Promise<T>,
  keep = false,
): Promise<T | undefined> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: adminUrl });
  const up = await admin.connect().then(
    () => true,
    () => false,
  );
  if (!up) return undefined;
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    if (keep) console.error(`kept ${url.toString()}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
