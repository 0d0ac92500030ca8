/**
 * The analytics overview with a million orders in one store (docs/benchmarks.md, "Analytics"):
 *   npx tsx tests/bench/analytics.ts            (BENCH_ORDERS=1000000 BENCH_RUNS=200)
 *   BENCH_ONLY=postgres|pglite to run one database.
 * The store gets BENCH_ORDERS orders spread over the last two years (one line each, 150,000
 * customers, 2% in another currency, statuses and sources mixed, a payment for each paid one),
 * written in batches of 50,000 rows per statement, so the rollup triggers run as they do for a
 * bulk import. Then GET /api/v1/analytics/overview is timed through the Store API for a 30-day
 * and a 1-year range: p50 and p99 of BENCH_RUNS calls after 20 to warm up.
 */
import { sql } from "drizzle-orm";
import { createTenant, createTestApi, createUser, login } from "../api/harness";
import { rollupDrift } from "@/lib/analytics/rebuild";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BATCH = 50_000;
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function run(label: string) {
  const t = await createTestApi({ rateLimitPoints: 1e9, keyRateLimitPoints: 1e9 });
  try {
    const tenant = await createTenant(t, { currency: "SAR", timeZone: "Asia/Riyadh" });
    const { access_token } = await login(t, tenant, await createUser(t, tenant));
    const headers = { "x-tenant-id": tenant.slug, authorization: `Bearer ${access_token}` };
    const products: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.request("/api/v1/store/products", {
        method: "POST",
        headers,
        json: { name: { en: `Bench ${i}`, ar: `منتج ${i}` }, price: 10 + i, status: "active" },
      });
      products.push(((await res.json()) as { id: string }).id);
    }
    const productArray = sql.raw(`ARRAY[${products.map((p) => `'${p}'::uuid`).join(",")}]`);

    const loadStarted = performance.now();
    await t.db.execute(sql`SELECT setseed(0.42)`);
    for (let from = 1; from <= ORDERS; from += BATCH) {
      const to = Math.min(ORDERS, from + BATCH - 1);
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO orders (tenant_id, number, status, currency, source, customer_email,
                              subtotal_minor, tax_minor, total_minor, paid_minor, refunded_minor,
                              vat_rate_bp, prices_include_vat, created_at, updated_at)
          SELECT ${tenant.id}, 'BENCH-' || g, status, currency, source, customer,
                 total * 100 / 115, total - total * 100 / 115, total,
                 CASE WHEN status IN ('pending', 'cancelled') THEN 0 ELSE total END,
                 CASE status WHEN 'refunded' THEN total WHEN 'partially_refunded' THEN total / 3 ELSE 0 END,
                 1500, true, at, at
            FROM (SELECT g,
                         CASE WHEN r < 0.50 THEN 'completed' WHEN r < 0.65 THEN 'paid'
                              WHEN r < 0.75 THEN 'fulfilled' WHEN r < 0.87 THEN 'pending'
                              WHEN r < 0.95 THEN 'cancelled' WHEN r < 0.98 THEN 'refunded'
                              ELSE 'partially_refunded' END AS status,
                         CASE WHEN random() < 0.02 THEN 'USD' ELSE 'SAR' END AS currency,
                         (ARRAY['api', 'admin', 'woocommerce', 'pos'])[1 + floor(random() * 4)::int] AS source,
                         'c' || floor(random() * 150000)::int || '@bench.test' AS customer,
                         (1000 + floor(random() * 99000))::bigint AS total,
                         now() - random() * interval '730 days' AS at
                    FROM (SELECT g, random() AS r FROM generate_series(${from}::int, ${to}::int) g) s) x`);
        await tx.execute(sql`
          INSERT INTO order_items (tenant_id, order_id, position, product_id, name_en, name_ar,
                                   unit_price_minor, quantity, subtotal_minor, tax_minor, total_minor)
          SELECT o.tenant_id, o.id, 0, (${productArray})[1 + floor(random() * 20)::int], 'Bench', 'منتج',
                 o.total_minor, 1, o.subtotal_minor, o.tax_minor, o.total_minor
            FROM orders o
           WHERE o.tenant_id = ${tenant.id}
             AND o.number IN (SELECT 'BENCH-' || g FROM generate_series(${from}::int, ${to}::int) g)`);
        await tx.execute(sql`
          INSERT INTO payments (tenant_id, order_id, provider, status, currency, amount_minor,
                                captured_minor, refunded_minor, created_at, updated_at, completed_at)
          SELECT o.tenant_id, o.id, (ARRAY['stripe', 'paypal', 'manual'])[1 + floor(random() * 3)::int],
                 'completed', o.currency, o.paid_minor, o.paid_minor, o.refunded_minor,
                 o.created_at, o.created_at, o.created_at
            FROM orders o
           WHERE o.tenant_id = ${tenant.id} AND o.paid_minor > 0
             AND o.number IN (SELECT 'BENCH-' || g FROM generate_series(${from}::int, ${to}::int) g)`);
      });
      process.stdout.write(`\r${label}: ${to.toLocaleString("en")} orders`);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // As autovacuum leaves a table after a bulk load: statistics and the visibility map.
    await t.db.execute(sql`VACUUM ANALYZE`);
    process.stdout.write("\n");

    const drift = await rollupDrift(t.db, tenant.id);
    const today = new Date().toISOString().slice(0, 10);
    const daysBack = (n: number) =>
      new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const ranges = { "30 days": daysBack(29), "1 year": daysBack(364) };
    const results: Record<string, { p50: number; p99: number; orders: number }> = {};
    for (const [name, start] of Object.entries(ranges)) {
      const path = `/api/v1/analytics/overview?start_date=${start}&end_date=${today}`;
      const times: number[] = [];
      let orders = 0;
      for (let i = 0; i < RUNS + 20; i++) {
        const started = performance.now();
        const res = await t.request(path, { headers });
        const body = (await res.json()) as { summary: { total_orders: number } };
        if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
        if (i >= 20) times.push(performance.now() - started);
        orders = body.summary.total_orders;
      }
      times.sort((a, b) => a - b);
      results[name] = { p50: round(pct(times, 50)), p99: round(pct(times, 99)), orders };
    }
    console.log(
      JSON.stringify(
        {
          database: label,
          orders: ORDERS,
          load_seconds: round(loadSeconds),
          drift,
          overview_ms: results,
        },
        null,
        2,
      ),
    );
  } finally {
    // BENCH_KEEP=1 leaves the PostgreSQL database behind for EXPLAIN (its name: bs_test_<pid>_*).
    if (!process.env.BENCH_KEEP) await t.close();
  }
}

const only = process.env.BENCH_ONLY;
if (only !== "pglite") {
  process.env.DATABASE_URL = PG_URL;
  await run("PostgreSQL");
  delete process.env.DATABASE_URL;
}
if (only !== "postgres") await run("PGlite");
process.exit(0);
