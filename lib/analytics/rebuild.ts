import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { tenants } from "@/lib/tenants/schema";

/**
 * Each rollup, its figures, and its truth: the view of migrations 0013 and 0014 that computes the same rows
 * from the raw orders, lines and payments. Rows of only zeros (left behind when a day's orders
 * are all cancelled, say) are no difference.
 */
const ROLLUPS = [
  {
    table: "analytics_order_days",
    key: "day, currency, status, source",
    figures: ["orders", "paid_orders", "total_minor", "taken_minor", "refunded_minor"],
  },
  {
    table: "analytics_order_months",
    key: "month, currency, status, source",
    figures: ["orders", "paid_orders", "total_minor", "taken_minor", "refunded_minor"],
  },
  {
    table: "analytics_product_days",
    key: "day, currency, product_id",
    figures: ["units", "revenue_minor"],
  },
  {
    table: "analytics_product_months",
    key: "month, currency, product_id",
    figures: ["units", "revenue_minor"],
  },
  {
    table: "analytics_payment_days",
    key: "day, currency, provider",
    figures: ["payments", "captured_minor", "refunded_minor"],
  },
  { table: "analytics_customer_days", key: "customer, day, previous_day", figures: ["orders"] },
  { table: "analytics_customer_months", key: "day, previous_month", figures: ["customers"] },
] as const;

/**
 * Rows where a store's rollups and a recomputation from its raw rows disagree, per rollup: all
 * zero when the triggers have kept them right.
 */
export async function rollupDrift(db: Db, tenantId: string): Promise<Record<string, number>> {
  const drift: Record<string, number> = {};
  for (const r of ROLLUPS) {
    const columns = sql.raw(`${r.key}, ${r.figures.join(", ")}`);
    const nonZero = sql.raw(
      `(${r.figures.join(", ")}) <> (${r.figures.map(() => "0").join(", ")})`,
    );
    const [table, truth] = [sql.raw(r.table), sql.raw(`${r.table}_truth`)];
    const result = (await db.execute(sql`
      SELECT count(*) AS n FROM (
        (SELECT ${columns} FROM ${table} WHERE tenant_id = ${tenantId} AND ${nonZero}
         EXCEPT ALL SELECT ${columns} FROM ${truth} WHERE tenant_id = ${tenantId})
        UNION ALL
        (SELECT ${columns} FROM ${truth} WHERE tenant_id = ${tenantId}
         EXCEPT ALL SELECT ${columns} FROM ${table} WHERE tenant_id = ${tenantId} AND ${nonZero})
      ) d`)) as unknown as { rows: { n: unknown }[] };
    drift[r.table] = Number(result.rows[0]?.n ?? 0);
  }
  return drift;
}

/** Rewrites the rollups of one store (by slug) or of all, from the raw rows; returns the slugs. */
export async function rebuildRollups(db: Db, slug?: string): Promise<string[]> {
  const stores = await db
    .select({ id: tenants.id, slug: tenants.slug })
    .from(tenants)
    .where(slug ? eq(tenants.slug, slug) : undefined)
    .orderBy(tenants.slug);
  for (const store of stores) {
    // One transaction per store: its overview never sees half a rebuild.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT analytics_rebuild(${store.id})`);
    });
  }
  return stores.map((s) => s.slug);
}
