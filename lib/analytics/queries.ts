import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { TOP_PRODUCTS } from "./contract";
import { monthCover, type DayRange } from "./range";

/* The overview's reads of the rollups (lib/analytics/schema.ts); lib/analytics/service.ts shapes them. */

/** Rows come back from node-postgres with bigints as strings, from PGlite as numbers. */
export const num = (value: unknown) => Number(value ?? 0);

export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  // node-postgres and PGlite both answer with { rows }.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * New and returning customers of both periods. A customer is new in a range holding their first
 * day, and returning in one where their first day of the range has an earlier day before it
 * (lib/analytics/schema.ts). Previous days in months before the range's start are summed from
 * analytics_customer_months; only those in the start's own month, before it, are counted row by row.
 */
export async function customerCounts(
  db: Db,
  tenantId: string,
  current: DayRange,
  previous: DayRange | null,
) {
  const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
  const from = previous?.start ?? current.start;
  const [months] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT sum(customers) FILTER (WHERE day >= ${current.start}::date
                                        AND previous_month = '-infinity') AS new_now,
               sum(customers) FILTER (WHERE day >= ${current.start}::date
                                        AND previous_month > '-infinity'
                                        AND previous_month < ${monthOf(current.start)}::date) AS returning_now,
               sum(customers) FILTER (WHERE day < ${current.start}::date
                                        AND previous_month = '-infinity') AS new_before,
               sum(customers) FILTER (WHERE day < ${current.start}::date
                                        AND previous_month > '-infinity'
                                        AND previous_month < ${monthOf(from)}::date) AS returning_before
          FROM analytics_customer_months
         WHERE tenant_id = ${tenantId} AND day BETWEEN ${from}::date AND ${current.end}::date`,
  );
  const sameMonth = async (range: DayRange) => {
    if (monthOf(range.start) === range.start) return 0;
    const [r] = await rows<{ n: unknown }>(
      db,
      sql`SELECT count(*) AS n FROM analytics_customer_days
           WHERE tenant_id = ${tenantId}
             AND previous_day >= ${monthOf(range.start)}::date AND previous_day < ${range.start}::date
             AND day BETWEEN ${range.start}::date AND ${range.end}::date`,
    );
    return num(r?.n);
  };
  return {
    current: {
      new: num(months?.new_now),
      returning: num(months?.returning_now) + (await sameMonth(current)),
    },
    previous: previous
      ? {
          new: num(months?.new_before),
          returning: num(months?.returning_before) + (await sameMonth(previous)),
        }
      : { new: 0, returning: 0 },
  };
}

/**
 * The rows of a daily rollup and of its month rollup that together hold some ranges: whole
 * months from the months, the days at the ends from the days (lib/analytics/range.ts).
 */
function covering(ranges: DayRange[]) {
  const parts = ranges.map(monthCover);
  const within = (column: string, runs: DayRange[]) =>
    runs.length
      ? sql.join(
          runs.map((r) => sql`${sql.raw(column)} BETWEEN ${r.start}::date AND ${r.end}::date`),
          sql` OR `,
        )
      : sql`false`;
  return {
    months: within(
      "month",
      parts.flatMap((p) => (p.months ? [p.months] : [])),
    ),
    days: within(
      "day",
      parts.flatMap((p) => p.days),
    ),
  };
}

/** The summary's and breakdowns' figures of both periods, in one pass. */
export const PERIOD = 3; // GROUPING(status, source) of (current, currency)
export const KIND = 0; // of (current, currency, status, source)

export interface OrderFigures {
  grain: number;
  current: boolean;
  currency: string;
  status: string;
  source: string;
  placed: number;
  orders: number;
  paid_orders: number;
  taken: number;
  refunded: number;
}

export async function orderFigures(
  db: Db,
  tenantId: string,
  current: DayRange,
  previous: DayRange | null,
): Promise<OrderFigures[]> {
  const cover = covering(previous ? [previous, current] : [current]);
  const figures = sql.raw(
    "currency, status, source, orders, paid_orders, taken_minor, refunded_minor",
  );
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT GROUPING(status, source) AS grain, current, currency, status, source,
               sum(orders) AS placed,
               coalesce(sum(orders) FILTER (WHERE status <> 'cancelled'), 0) AS orders,
               sum(paid_orders) AS paid_orders, sum(taken_minor) AS taken,
               sum(refunded_minor) AS refunded
          FROM (SELECT month >= ${current.start}::date AS current, ${figures}
                  FROM analytics_order_months WHERE tenant_id = ${tenantId} AND (${cover.months})
                UNION ALL
                SELECT day >= ${current.start}::date, ${figures}
                  FROM analytics_order_days WHERE tenant_id = ${tenantId} AND (${cover.days})) d
         GROUP BY GROUPING SETS ((current, currency), (current, currency, status, source))`,
  );
  return found.map((r) => ({
    grain: num(r.grain),
    current: Boolean(r.current),
    currency: String(r.currency),
    status: String(r.status),
    source: String(r.source),
    placed: num(r.placed),
    orders: num(r.orders),
    paid_orders: num(r.paid_orders),
    taken: num(r.taken),
    refunded: num(r.refunded),
  }));
}

/** Each day's revenue and orders (not cancelled) in one currency; days without orders are absent. */
export async function dailyFigures(db: Db, tenantId: string, currency: string, range: DayRange) {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT to_char(day, 'YYYY-MM-DD') AS day,
               coalesce(sum(orders) FILTER (WHERE status <> 'cancelled'), 0) AS orders,
               sum(taken_minor) - sum(refunded_minor) AS revenue
          FROM analytics_order_days
         WHERE tenant_id = ${tenantId} AND currency = ${currency}
           AND day BETWEEN ${range.start}::date AND ${range.end}::date
         GROUP BY day`,
  );
  return found.map((r) => ({ day: String(r.day), orders: num(r.orders), revenue: num(r.revenue) }));
}

export async function topProducts(
  db: Db,
  tenantId: string,
  currency: string,
  range: DayRange,
  money: (minor: number) => number,
) {
  const cover = covering([range]);
  const top = await rows<Record<string, unknown>>(
    db,
    sql`SELECT r.product_id, p.name_en, p.name_ar, sum(r.revenue_minor) AS revenue, sum(r.units) AS units
          FROM (SELECT tenant_id, product_id, units, revenue_minor FROM analytics_product_months
                 WHERE tenant_id = ${tenantId} AND currency = ${currency} AND (${cover.months})
                UNION ALL
                SELECT tenant_id, product_id, units, revenue_minor FROM analytics_product_days
                 WHERE tenant_id = ${tenantId} AND currency = ${currency} AND (${cover.days})) r
          JOIN products p ON p.id = r.product_id AND p.tenant_id = r.tenant_id
         GROUP BY r.product_id, p.name_en, p.name_ar
        HAVING sum(r.units) > 0
         ORDER BY revenue DESC, units DESC, r.product_id
         LIMIT ${TOP_PRODUCTS}`,
  );
  return top.map((r) => ({
    product_id: String(r.product_id),
    name: { en: String(r.name_en), ar: String(r.name_ar) },
    revenue: money(num(r.revenue)),
    units_sold: num(r.units),
  }));
}
