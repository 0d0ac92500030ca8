import { sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { authorize } from "@/lib/auth/permissions";
import { readsOf, type ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { toMajor } from "@/lib/money";
import { dateInZone } from "@/lib/time";
import { type Overview, type OverviewQuery, type Summary } from "./contract";
import { daysOf, overviewRanges, type DayRange } from "./range";
import {
  customerCounts,
  dailyFigures,
  KIND,
  num,
  orderFigures,
  PERIOD,
  rows,
  topProducts,
  type OrderFigures,
} from "./queries";

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
  const money = (minor: number) => toMajor(minor, currency);

  // One snapshot for every part, so the parts add up even while orders come in.
  return readsOf(ctx).transaction(
    async (tx) => {
      const orderRows = await orderFigures(tx, tenantId, current, previous);
      const periodRows = orderRows.filter((r) => r.grain === PERIOD);
      const totals = (isCurrent: boolean, code: string): Totals => {
        const r = periodRows.find((p) => p.current === isCurrent && p.currency === code);
        return r
          ? {
              orders: r.orders,
              paidOrders: r.paid_orders,
              takenMinor: r.taken,
              refundedMinor: r.refunded,
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
        revenue_trend: trend(await dailyFigures(tx, tenantId, currency, current), current, money),
        top_products: await topProducts(tx, tenantId, currency, current, money),
        ...(await breakdowns(
          tx,
          orderRows.filter((r) => r.grain === KIND && r.current && r.currency === currency),
          { tenantId, currency, range: current, money },
        )),
        other_currencies: periodRows
          .filter((r) => r.current && r.currency !== currency)
          .sort((a, b) => a.currency.localeCompare(b.currency))
          .map((r) => ({
            currency: r.currency,
            total_revenue: toMajor(r.taken - r.refunded, r.currency),
            total_orders: r.orders,
            refunded_amount: toMajor(r.refunded, r.currency),
          })),
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

function trend(
  days: { day: string; orders: number; revenue: number }[],
  range: DayRange,
  money: (minor: number) => number,
) {
  const byDay = new Map(days.map((r) => [r.day, r]));
  return daysOf(range).map((date) => {
    const r = byDay.get(date);
    return { date, revenue: money(r?.revenue ?? 0), orders: r?.orders ?? 0 };
  });
}

/** Orders and revenue by status and by source, money by payment provider: the range, the store's currency. */
async function breakdowns(
  db: Db,
  grouped: OrderFigures[],
  {
    tenantId,
    currency,
    range,
    money,
  }: { tenantId: string; currency: string; range: DayRange; money: (minor: number) => number },
) {
  const by = (key: "status" | "source", counted: (status: string) => boolean) => {
    const sums = new Map<string, { orders: number; revenueMinor: number }>();
    for (const r of grouped) {
      // A day's pending orders that were all paid leave a row of zero orders behind.
      if (r.placed <= 0) continue;
      const k = r[key];
      const s = sums.get(k) ?? { orders: 0, revenueMinor: 0 };
      if (counted(r.status)) s.orders += r.placed;
      s.revenueMinor += r.taken - r.refunded;
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
          FROM analytics_payment_days
         WHERE tenant_id = ${tenantId} AND currency = ${currency}
           AND day BETWEEN ${range.start}::date AND ${range.end}::date
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
