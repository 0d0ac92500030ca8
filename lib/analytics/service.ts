import { sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { authorize } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { toMajor } from "@/lib/money";
import { dateInZone } from "@/lib/time";
import { TOP_PRODUCTS, type Overview, type OverviewQuery, type Summary } from "./contract";
import { daysOf, overviewRanges, type DayRange } from "./range";

type OverviewReply = z.infer<typeof Overview>;
type SummaryReply = z.infer<typeof Summary>;

/** Figures in minor units, as the rollups hold them. */
interface Totals {
  orders: number;
  paidOrders: number;
  takenMinor: number;
  refundedMinor: number;
}
const NO_TOTALS: Totals = { orders: 0, paidOrders: 0, takenMinor: 0, refundedMinor: 0 };

/** Rows come back from node-postgres with bigints as strings, from PGlite as numbers. */
const num = (value: unknown) => Number(value ?? 0);

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  // node-postgres and PGlite both answer with { rows }.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The store's figures over a range of its calendar days, from the daily rollups only (never the
 * orders): see docs/analytics.md for what each figure means.
 */
export async function getOverview(
  ctx: ServiceContext,
  query: z.infer<typeof OverviewQuery>,
): Promise<OverviewReply> {
  authorize(ctx.actor, "analytics:read");
  const { currency, timeZone, id: tenantId } = ctx.tenant;
  const { current, previous } = overviewRanges(query, dateInZone(ctx.now(), timeZone));
  const from = previous?.start ?? current.start;
  const money = (minor: number) => toMajor(minor, currency);

  // One snapshot for every part, so the parts add up even while orders come in.
  return ctx.db.transaction(
    async (tx) => {
      const periodRows = await rows<Record<string, unknown>>(
        tx,
        sql`SELECT day >= ${current.start}::date AS current, currency,
                   sum(orders) FILTER (WHERE status <> 'cancelled') AS orders,
                   sum(paid_orders) AS paid_orders, sum(taken_minor) AS taken,
                   sum(refunded_minor) AS refunded
              FROM analytics_order_days
             WHERE tenant_id = ${tenantId} AND day BETWEEN ${from}::date AND ${current.end}::date
             GROUP BY 1, 2 ORDER BY 2`,
      );
      const totals = (isCurrent: boolean, code: string): Totals => {
        const r = periodRows.find((p) => Boolean(p.current) === isCurrent && p.currency === code);
        return r
          ? {
              orders: num(r.orders),
              paidOrders: num(r.paid_orders),
              takenMinor: num(r.taken),
              refundedMinor: num(r.refunded),
            }
          : NO_TOTALS;
      };
      const customers = await customerCounts(tx, tenantId, current, previous);
      const summary = toSummary(totals(true, currency), customers.current, money);
      const before = toSummary(
        previous ? totals(false, currency) : NO_TOTALS,
        customers.previous,
        money,
      );

      return {
        currency,
        time_zone: timeZone,
        start_date: current.start,
        end_date: current.end,
        summary,
        comparison: {
          start_date: previous?.start ?? current.start,
          end_date: previous?.end ?? current.start,
          previous_period: before,
          change_pct: changes(summary, before),
        },
        revenue_trend: await trend(tx, tenantId, currency, current, money),
        top_products: await topProducts(tx, tenantId, currency, current, money),
        ...(await breakdowns(tx, tenantId, currency, current, money)),
        other_currencies: periodRows
          .filter((r) => Boolean(r.current) && r.currency !== currency)
          .map((r) => {
            const t = totals(true, String(r.currency));
            return {
              currency: String(r.currency),
              total_revenue: toMajor(t.takenMinor - t.refundedMinor, String(r.currency)),
              total_orders: t.orders,
              refunded_amount: toMajor(t.refundedMinor, String(r.currency)),
            };
          }),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

function toSummary(
  t: Totals,
  customers: { new: number; returning: number },
  money: (minor: number) => number,
): SummaryReply {
  const revenueMinor = t.takenMinor - t.refundedMinor;
  return {
    total_revenue: money(revenueMinor),
    total_orders: t.orders,
    // Rounded half up to the currency's smallest unit.
    average_order_value: t.paidOrders ? money(Math.round(revenueMinor / t.paidOrders)) : 0,
    paid_orders: t.paidOrders,
    refunded_amount: money(t.refundedMinor),
    new_customers: customers.new,
    returning_customers: customers.returning,
  };
}

/** Percent change, one decimal; null when there is nothing to compare with. */
function changes(now: SummaryReply, before: SummaryReply) {
  const pct = (key: keyof SummaryReply) =>
    before[key] === 0 ? null : Math.round(((now[key] - before[key]) / before[key]) * 1000) / 10;
  return {
    total_revenue: pct("total_revenue"),
    total_orders: pct("total_orders"),
    average_order_value: pct("average_order_value"),
    paid_orders: pct("paid_orders"),
    refunded_amount: pct("refunded_amount"),
    new_customers: pct("new_customers"),
    returning_customers: pct("returning_customers"),
  };
}

/**
 * New and returning customers of both periods. A customer is new in a range holding their first
 * day, and returning in one where their first day of the range has an earlier day before it
 * (lib/analytics/schema.ts). Previous days in months before the range's start are summed from
 * analytics_customer_months; only those in the start's own month, before it, are counted row by row.
 */
async function customerCounts(
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

async function trend(
  db: Db,
  tenantId: string,
  currency: string,
  range: DayRange,
  money: (minor: number) => number,
) {
  const byDay = new Map(
    (
      await rows<{ day: unknown; revenue: unknown; orders: unknown }>(
        db,
        sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(taken_minor - refunded_minor) AS revenue,
                   coalesce(sum(orders) FILTER (WHERE status <> 'cancelled'), 0) AS orders
              FROM analytics_order_days
             WHERE tenant_id = ${tenantId} AND currency = ${currency}
               AND day BETWEEN ${range.start}::date AND ${range.end}::date
             GROUP BY day`,
      )
    ).map((r) => [String(r.day), r]),
  );
  return daysOf(range).map((date) => {
    const r = byDay.get(date);
    return { date, revenue: money(num(r?.revenue)), orders: num(r?.orders) };
  });
}

async function topProducts(
  db: Db,
  tenantId: string,
  currency: string,
  range: DayRange,
  money: (minor: number) => number,
) {
  const top = await rows<Record<string, unknown>>(
    db,
    sql`SELECT r.product_id, p.name_en, p.name_ar, sum(r.revenue_minor) AS revenue, sum(r.units) AS units
          FROM analytics_product_days r
          JOIN products p ON p.id = r.product_id AND p.tenant_id = r.tenant_id
         WHERE r.tenant_id = ${tenantId} AND r.currency = ${currency}
           AND r.day BETWEEN ${range.start}::date AND ${range.end}::date
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

/** Orders and revenue by status and by source, money by payment provider: the range, the store's currency. */
async function breakdowns(
  db: Db,
  tenantId: string,
  currency: string,
  range: DayRange,
  money: (minor: number) => number,
) {
  const inRange = sql`tenant_id = ${tenantId} AND currency = ${currency}
    AND day BETWEEN ${range.start}::date AND ${range.end}::date`;
  const grouped = await rows<Record<string, unknown>>(
    db,
    sql`SELECT status, source, sum(orders) AS orders, sum(taken_minor - refunded_minor) AS revenue
          FROM analytics_order_days WHERE ${inRange}
         GROUP BY status, source HAVING sum(orders) > 0`,
  );
  const by = (key: "status" | "source", counted: (status: string) => boolean) => {
    const sums = new Map<string, { orders: number; revenueMinor: number }>();
    for (const r of grouped) {
      const k = String(r[key]);
      const s = sums.get(k) ?? { orders: 0, revenueMinor: 0 };
      if (counted(String(r.status))) s.orders += num(r.orders);
      s.revenueMinor += num(r.revenue);
      sums.set(k, s);
    }
    return [...sums]
      .map(([k, s]) => ({ key: k, orders: s.orders, revenue: money(s.revenueMinor) }))
      .sort((a, b) => b.orders - a.orders || a.key.localeCompare(b.key));
  };
  const providers = await rows<Record<string, unknown>>(
    db,
    sql`SELECT provider, sum(payments) AS payments, sum(captured_minor) AS captured,
               sum(refunded_minor) AS refunded
          FROM analytics_payment_days WHERE ${inRange}
         GROUP BY provider HAVING sum(payments) > 0
         ORDER BY captured DESC, provider`,
  );
  return {
    by_status: by("status", () => true).map(({ key, ...s }) => ({
      status: key as OverviewReply["by_status"][number]["status"],
      ...s,
    })),
    // A source's orders, like total_orders, leave out the cancelled ones.
    by_source: by("source", (status) => status !== "cancelled")
      .filter((s) => s.orders > 0 || s.revenue !== 0)
      .map(({ key, ...s }) => ({ source: key, ...s })),
    by_payment_provider: providers.map((r) => ({
      provider: String(r.provider),
      payments: num(r.payments),
      amount: money(num(r.captured)),
      refunded: money(num(r.refunded)),
    })),
  };
}
