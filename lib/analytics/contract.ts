import { z } from "@hono/zod-openapi";
import { IsoDate } from "@/lib/input";
import { ORDER_STATUSES } from "@/lib/orders/contract";

/** The longest range one overview covers (inclusive days): two years, a leap day included. */
export const MAX_RANGE_DAYS = 731;
/** Without dates: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;
export const TOP_PRODUCTS = 10;

const Money = z
  .number()
  .openapi({ description: "Decimal, in major units of the overview's currency" });

export const OverviewQuery = z.object({
  start_date: IsoDate.optional().openapi({
    param: { name: "start_date", in: "query" },
    description: "First day, inclusive, in the store's time zone. Default: 29 days before end_date",
  }),
  end_date: IsoDate.optional().openapi({
    param: { name: "end_date", in: "query" },
    description: "Last day, inclusive, in the store's time zone. Default: today",
  }),
});

export const Summary = z
  .object({
    total_revenue: Money.openapi({
      description: "Money taken minus refunds, on the orders placed in the range",
    }),
    total_orders: z
      .number()
      .int()
      .openapi({ description: "Orders placed, cancelled ones not counted" }),
    average_order_value: Money.openapi({
      description: "total_revenue / paid_orders; 0 without any",
    }),
    paid_orders: z.number().int().openapi({ description: "Orders with money taken" }),
    refunded_amount: Money,
    new_customers: z.number().int().openapi({
      description: "Customers (by email) whose first order is in the range",
    }),
    returning_customers: z.number().int().openapi({
      description: "Customers who ordered in the range and had ordered before it",
    }),
  })
  .openapi("AnalyticsSummary");

const Change = z.number().nullable().openapi({
  description: "Percent against the previous period, one decimal; null when that was 0",
});

export const Comparison = z
  .object({
    start_date: z.string(),
    end_date: z.string(),
    previous_period: Summary,
    change_pct: z.object({
      total_revenue: Change,
      total_orders: Change,
      average_order_value: Change,
      paid_orders: Change,
      refunded_amount: Change,
      new_customers: Change,
      returning_customers: Change,
    }),
  })
  .openapi("AnalyticsComparison");

export const TrendPoint = z
  .object({ date: z.string(), revenue: Money, orders: z.number().int() })
  .openapi("AnalyticsTrendPoint");

export const TopProduct = z
  .object({
    product_id: z.uuid(),
    name: z.object({ en: z.string(), ar: z.string() }),
    revenue: Money.openapi({ description: "Line totals on orders not cancelled" }),
    units_sold: z.number().int(),
  })
  .openapi("AnalyticsTopProduct");

export const Overview = z
  .object({
    currency: z.string().openapi({ description: "The store's currency: every amount is in it" }),
    time_zone: z.string(),
    start_date: z.string(),
    end_date: z.string(),
    summary: Summary,
    comparison: Comparison,
    revenue_trend: z
      .array(TrendPoint)
      .openapi({ description: "Every day of the range, zeros too" }),
    top_products: z.array(TopProduct),
    by_status: z.array(
      z.object({ status: z.enum(ORDER_STATUSES), orders: z.number().int(), revenue: Money }),
    ),
    by_source: z.array(z.object({ source: z.string(), orders: z.number().int(), revenue: Money })),
    by_payment_provider: z.array(
      z.object({
        provider: z.string(),
        payments: z.number().int().openapi({ description: "Payments that took money" }),
        amount: Money.openapi({ description: "Taken, before refunds" }),
        refunded: Money,
      }),
    ),
    other_currencies: z
      .array(
        z.object({
          currency: z.string(),
          total_revenue: z.number(),
          total_orders: z.number().int(),
          refunded_amount: z.number(),
        }),
      )
      .openapi({
        description:
          "Orders placed in other currencies, each apart and in its own currency: never added to the summary",
      }),
  })
  .openapi("AnalyticsOverview");
