import { sql } from "drizzle-orm";
import {
  bigint,
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
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";
import { orders } from "@/lib/orders/schema";
import type { InvoiceKind } from "./constants";

/** The seller as the invoice froze it from the store settings. */
export interface SellerSnapshot {
  name: { en: string; ar: string };
  vat_number: string | null;
  logo_url: string | null;
  /** The store's time zone: the document prints its date and time there. */
  time_zone: string;
}

/** The buyer as the order named them (a simplified invoice needs neither). */
export interface BuyerSnapshot {
  name: string | null;
  email: string | null;
}

/** A line as the order stored it, in minor units of the invoice's currency. */
export interface InvoiceLine {
  sku: string | null;
  name: { en: string; ar: string };
  quantity: number;
  unit_price_minor: number;
  subtotal_minor: number;
  tax_minor: number;
  total_minor: number;
}

/**
 * Tax invoices and credit notes (docs/invoices.md, docs/decisions/0016-tax-invoices.md). A row
 * is written once and never changed: a trigger of migration 0015 refuses UPDATE and DELETE
 * (except when its store is being deleted).
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind").$type<InvoiceKind>().notNull(),
    /** INV-2026-000001 or CN-2026-000001: per store, kind and year, without gaps. */
    number: text("number").notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    /** A credit note's invoice. */
    invoiceId: uuid("invoice_id").references((): AnyPgColumn => invoices.id),
    invoiceNumber: text("invoice_number"),
    /** A credit note's cause: refund (money returned) or cancellation (the order marked refunded). */
    reason: text("reason"),
    orderNumber: text("order_number").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    currency: text("currency").notNull(),
    seller: jsonb("seller").$type<SellerSnapshot>().notNull(),
    buyer: jsonb("buyer").$type<BuyerSnapshot>().notNull(),
    lines: jsonb("lines").$type<InvoiceLine[]>().notNull(),
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    vatRateBp: integer("vat_rate_bp").notNull(),
    pricesIncludeVat: boolean("prices_include_vat").notNull(),
    /** ZATCA phase 1 QR payload (base64 TLV), as printed. */
    qr: text("qr").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invoices_tenant_kind_year_seq").on(t.tenantId, t.kind, t.year, t.seq),
    uniqueIndex("invoices_tenant_number").on(t.tenantId, t.number),
    // At most one invoice per order; credit notes are as many as its refunds.
    uniqueIndex("invoices_one_per_order")
      .on(t.orderId)
      .where(sql`${t.kind} = 'invoice'`),
    index("invoices_order_idx").on(t.tenantId, t.orderId),
    index("invoices_tenant_issued_idx").on(t.tenantId, t.issuedAt, t.id),
    index("invoices_tenant_kind_issued_idx").on(t.tenantId, t.kind, t.issuedAt, t.id),
    check("invoices_kind", sql`${t.kind} in ('invoice', 'credit_note')`),
    check(
      "invoices_credit_note_reference",
      sql`(${t.kind} = 'credit_note') = (${t.invoiceId} is not null)`,
    ),
    check(
      "invoices_totals",
      sql`${t.subtotalMinor} >= 0 and ${t.taxMinor} >= 0 and ${t.totalMinor} = ${t.subtotalMinor} + ${t.taxMinor}`,
    ),
  ],
);

/** The last number per store, kind and year; incremented inside the issuing transaction. */
export const invoiceSequences = pgTable(
  "invoice_sequences",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: text("kind").$type<InvoiceKind>().notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.year] })],
);
