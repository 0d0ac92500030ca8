import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";

/*
 * Daily rollups per store, the only thing the overview reads (docs/analytics.md). Days are
 * calendar days in the store's time zone. Triggers in migration 0013 keep them in the same
 * transaction as every change to orders, order lines and payments, once per statement; the
 * `analytics_*_truth` views there compute the same figures from the raw rows, and
 * `analytics_rebuild(tenant)` (lib/analytics/cli.ts) rewrites a store's rollups from them.
 */

const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
const minor = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

/** The keys and figures of the order rollups, by day and by month. */
const orderFigures = () => ({
  currency: text("currency").notNull(),
  status: text("status").notNull(),
  source: text("source").notNull(),
  orders: minor("orders"),
  /** Orders with money taken (see analytics_taken in the migration). */
  paidOrders: minor("paid_orders"),
  totalMinor: minor("total_minor"),
  takenMinor: minor("taken_minor"),
  refundedMinor: minor("refunded_minor"),
});

/** The keys and figures of the product rollups. */
const productFigures = () => ({
  currency: text("currency").notNull(),
  productId: uuid("product_id").notNull(),
  units: minor("units"),
  revenueMinor: minor("revenue_minor"),
});

/** Orders placed per day, currency, status and source, with the money taken and given back. */
export const analyticsOrderDays = pgTable(
  "analytics_order_days",
  { tenantId: tenantId(), day: date("day", { mode: "string" }).notNull(), ...orderFigures() },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.currency, t.status, t.source] })],
);

/**
 * analytics_order_days summed per calendar month (`month` is its first day), kept from the days
 * by a trigger: a long range reads its whole months here and only the days at its ends there.
 */
export const analyticsOrderMonths = pgTable(
  "analytics_order_months",
  { tenantId: tenantId(), month: date("month", { mode: "string" }).notNull(), ...orderFigures() },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.currency, t.status, t.source] })],
);

/** Units and line totals per product and day, on orders that are not cancelled. */
export const analyticsProductDays = pgTable(
  "analytics_product_days",
  {
    tenantId: tenantId(),
    day: date("day", { mode: "string" }).notNull(),
    ...productFigures(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.currency, t.productId] })],
);

/** analytics_product_days summed per calendar month, as analytics_order_months. */
export const analyticsProductMonths = pgTable(
  "analytics_product_months",
  {
    tenantId: tenantId(),
    month: date("month", { mode: "string" }).notNull(),
    ...productFigures(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.currency, t.productId] })],
);

/** Payments per day they were made, currency and provider, counting those that took money. */
export const analyticsPaymentDays = pgTable(
  "analytics_payment_days",
  {
    tenantId: tenantId(),
    day: date("day", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    provider: text("provider").notNull(),
    payments: minor("payments"),
    capturedMinor: minor("captured_minor"),
    refundedMinor: minor("refunded_minor"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.currency, t.provider] })],
);

/**
 * One row per customer (an order's email) and day they ordered, orders not cancelled, with the
 * day they had last ordered before. Over a range, a customer is new when the range holds their
 * row without a previous day, and returning when it holds one whose previous day is before the
 * range: each customer matches at most once, so both are counts of rows, not of distinct values.
 */
export const analyticsCustomerDays = pgTable(
  "analytics_customer_days",
  {
    tenantId: tenantId(),
    customer: text("customer").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    previousDay: date("previous_day", { mode: "string" }),
    orders: integer("orders").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customer, t.day] }),
    // The overview counts the rows whose previous day falls in the first part of a month.
    index("analytics_customer_days_previous_idx").on(t.tenantId, t.previousDay, t.day),
  ],
);

/**
 * analytics_customer_days counted per day and month of the previous day ('-infinity' for a
 * first order), kept from it by a trigger: the overview sums these for every month before the
 * range's, and counts only the rows of the range's own month in analytics_customer_days, so a
 * year's returning customers read a few thousand rows, not one per customer.
 */
export const analyticsCustomerMonths = pgTable(
  "analytics_customer_months",
  {
    tenantId: tenantId(),
    day: date("day", { mode: "string" }).notNull(),
    previousMonth: date("previous_month", { mode: "string" }).notNull(),
    customers: minor("customers"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.previousMonth] })],
);
