/**
 * Orders on PostgreSQL: creation throughput and p99 with 20 concurrent clients, then the list
 * with 1M orders in the store, with and without filters:
 *   npx tsx tests/bench/orders.ts          (BENCH_ORDERS=1000000 BENCH_SECONDS=10)
 *   BENCH_NO_ANALYTICS=1 runs it without the analytics rollups' triggers, for comparison.
 */
import { fork } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import autocannon from "autocannon";
import { openDatabase } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { products } from "@/lib/products/schema";
import { tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = "bench-password-1";
const port = 3301;

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `bs_bench_orders_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function measure(
  label: string,
  target: string,
  init: { method?: string; body?: string; headers: Record<string, string> },
  connections = 20,
) {
  const opts = {
    url: `http://127.0.0.1:${port}${target}`,
    connections,
    duration: SECONDS,
    method: (init.method ?? "GET") as "GET",
    body: init.body,
    headers: init.headers,
  };
  await autocannon({ ...opts, duration: 2 });
  const r = await autocannon(opts);
  return {
    label,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx + r.errors,
  };
}

try {
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  if (process.env.BENCH_NO_ANALYTICS) {
    // The same run without the analytics rollups' triggers (migration 0013), to weigh their cost.
    for (const table of ["orders", "order_items", "payments"])
      for (const op of ["insert", "update", "delete"])
        await database.db.execute(
          sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_analytics_${op}`),
        );
  }
  const [tenant] = await database.db
    .insert(tenants)
    .values({ slug: "bench", nameEn: "Bench", nameAr: "اختبار" })
    .returning();
  await database.db.insert(users).values({
    tenantId: tenant!.id,
    email: "owner@bench.test",
    name: "Bench",
    role: "owner",
    passwordHash: await hashPassword(PASSWORD),
  });
  const catalogue = await database.db
    .insert(products)
    .values(
      Array.from({ length: 50 }, (_, i) => ({
        tenantId: tenant!.id,
        nameEn: `P${i}`,
        nameAr: `م${i}`,
        priceMinor: 1000 + i,
        currency: "SAR",
        status: "active" as const,
        inventory: 10_000_000,
      })),
    )
    .returning({ id: products.id });
  await database.close();

  const child = fork(path.join(import.meta.dirname, "bench-server.ts"), [], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      MODE: "api",
      PORT: String(port),
      LOG_LEVEL: "error",
      RATE_LIMIT_POINTS: "1000000000",
    },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise((resolve) => child.once("message", resolve));
  const rows = [];
  try {
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tenant-id": "bench" },
      body: JSON.stringify({ email: "owner@bench.test", password: PASSWORD }),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const headers = {
      "x-tenant-id": "bench",
      authorization: `Bearer ${access_token}`,
      "content-type": "application/json",
    };
    const body = JSON.stringify({
      items: [
        { product_id: catalogue[0]!.id, quantity: 1 },
        { product_id: catalogue[1]!.id, quantity: 2 },
      ],
      customer_email: "bench@example.com",
    });
    rows.push(
      await measure("create order (2 lines), 20 clients", "/api/v1/store/orders", {
        method: "POST",
        body,
        headers,
      }),
    );

    // 1M orders, spread over a year, statuses and sources mixed.
    const seeded = performance.now();
    await admin.end();
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    await db.query(
      `
      insert into orders (tenant_id, number, status, currency, customer_email, source, external_id, subtotal_minor, tax_minor, total_minor, vat_rate_bp, prices_include_vat, created_at, updated_at)
      select $1, 'BS-2025-' || lpad(g::text, 7, '0'),
             (array['pending','paid','fulfilled','completed','cancelled','refunded'])[1 + g % 6],
             'SAR', 'customer' || (g % 50000) || '@example.com',
             (array['api','woocommerce','salesforce','admin'])[1 + g % 4], null,
             8696 + g % 1000, 1304, 10000 + g % 1000, 1500, true,
             now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second', now()
      from generate_series(1, $2::int) g`,
      [tenant!.id, ORDERS],
    );
    await db.query("vacuum analyze orders");
    await db.end();
    console.error(`seeded ${ORDERS} orders in ${Math.round(performance.now() - seeded)} ms`);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    for (const [label, q] of [
      ["list page 1", ""],
      ["list page 500", "?page=500"],
      ["status=paid", "?status=paid"],
      [
        "source=woocommerce, last 30 days",
        `?source=woocommerce&start_date=${day(30)}&end_date=${day(0)}`,
      ],
      ["search by email", "?q=customer4242@example.com"],
      ["search by number", "?q=BS-2025-0424242"],
    ] as const) {
      rows.push(await measure(`${label} (1M orders)`, `/api/v1/store/orders${q}`, { headers }));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  console.log(`\nPostgreSQL, ${SECONDS} s per run, ${new Date().toISOString()}\n`);
  console.log("| request | req/s | p50 (ms) | p99 (ms) | non-2xx |");
  console.log("|---|---|---|---|---|");
  for (const r of rows)
    console.log(`| ${r.label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
} finally {
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${name} with (force)`);
  await cleanup.end();
}
