import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";
import { products } from "@/lib/products/schema";
import { ORDER_STATUSES, type OrderStatus } from "./contract";
import type { PaymentMethod } from "./fields";
import { statusCountsTable } from "@/lib/db/status-counts";

export { ORDER_STATUSES, type OrderStatus };

/** The shipping address as stored (and shown by the API): absent parts are null. */
export interface StoredAddress {
  city: string;
  district: string | null;
  street: string | null;
  building_number: string | null;
  postal_code: string | null;
  short_code: string | null;
}

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** Human number, e.g. BS-2026-000123: sequential per store and year, without gaps. */
    number: text("number").notNull(),
    status: text("status").$type<OrderStatus>().notNull().default("pending"),
    currency: text("currency").notNull(),
    customerEmail: text("customer_email"),
    customerName: text("customer_name"),
    /** The name folded by lib/text/search.ts, for "contains" search in either language. */
    customerNameSearch: text("customer_name_search"),
    /** E.164, e.g. +966501234567 (lib/orders/phone.ts). */
    customerPhone: text("customer_phone"),
    /** The Saudi national address (lib/orders/fields.ts ShippingAddress), or null. */
    shippingAddress: jsonb("shipping_address").$type<StoredAddress>(),
    paymentMethod: text("payment_method").$type<PaymentMethod>(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    notes: text("notes"),
    source: text("source").notNull().default("api"),
    externalId: text("external_id"),
    /** Money in minor units of `currency`; VAT as it was when the order was placed. */
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    /** Captured and refunded so far, kept by the payments module through ./service/payments.ts. */
    paidMinor: bigint("paid_minor", { mode: "number" }).notNull().default(0),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    /** As the store prices (VAT included when prices include it); see lib/orders/totals.ts. */
    discountMinor: bigint("discount_minor", { mode: "number" }).notNull().default(0),
    shippingMinor: bigint("shipping_minor", { mode: "number" }).notNull().default(0),
    vatRateBp: integer("vat_rate_bp").notNull(),
    pricesIncludeVat: boolean("prices_include_vat").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_tenant_number").on(t.tenantId, t.number),
    uniqueIndex("orders_tenant_external").on(t.tenantId, t.source, t.externalId),
    index("orders_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("orders_tenant_status_created_idx").on(t.tenantId, t.status, t.createdAt, t.id),
    index("orders_tenant_source_created_idx").on(t.tenantId, t.source, t.createdAt, t.id),
    // Prefix search on emails (stored lower-cased): LIKE 'abc%' needs text_pattern_ops.
    index("orders_tenant_email_idx").using(
      "btree",
      t.tenantId,
      sql`${t.customerEmail} text_pattern_ops`,
    ),
    index("orders_tenant_phone_idx").on(t.tenantId, t.customerPhone),
    index("orders_name_search_trgm_idx").using("gin", sql`${t.customerNameSearch} gin_trgm_ops`),
    check(
      "orders_payment_method",
      sql`${t.paymentMethod} is null or ${t.paymentMethod} in ('cash_on_delivery', 'bank_transfer', 'card_on_delivery')`,
    ),
    check("orders_adjustments", sql`${t.discountMinor} >= 0 and ${t.shippingMinor} >= 0`),
    check(
      "orders_status",
      sql`${t.status} in ('pending', 'paid', 'fulfilled', 'completed', 'cancelled', 'refunded', 'partially_refunded')`,
    ),
    check("orders_totals", sql`${t.totalMinor} >= 0 and ${t.taxMinor} >= 0`),
  ],
);

/** Orders per store and status (see statusCountsTable). */
export const orderCounts = statusCountsTable("order_counts");

export const orderItems = pgTable(
  "order_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** Null for custom lines (orders mirrored from systems whose lines are not our products). */
    productId: uuid("product_id").references(() => products.id, { onDelete: "set null" }),
    sku: text("sku"),
    nameEn: text("name_en").notNull(),
    nameAr: text("name_ar").notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    quantity: integer("quantity").notNull(),
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    index("order_items_product_idx").on(t.tenantId, t.productId),
  ],
);

/** The order's timeline: who changed what, when. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: entries written in one transaction share a timestamp. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.createdAt)],
);

/** The last order number per store and year; incremented inside the order's transaction. */
export const orderSequences = pgTable(
  "order_sequences",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);
