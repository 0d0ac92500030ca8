import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";
import { orders } from "@/lib/orders/schema";
import type {
  ManualMethod,
  PaymentProvider,
  PaymentStatus,
  ProviderName,
  RefundStatus,
} from "./constants";

/**
 * A store's settings for one provider. The secret parts are one AES-256-GCM sealed JSON
 * (lib/crypto.ts); `hints` holds only what the settings page may show, so listing settings never
 * decrypts anything.
 */
export const paymentProviders = pgTable(
  "payment_providers",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    provider: text("provider").$type<ProviderName>().notNull(),
    /** Null for the manual provider, which has no secrets. */
    credentialsSealed: text("credentials_sealed"),
    /** What may be shown: masked keys, PayPal's mode, the manual payment instructions. */
    hints: jsonb("hints").$type<Record<string, string>>().notNull().default({}),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.provider] })],
);

/** One attempt to take money for an order (or a standalone amount), at one provider. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    provider: text("provider").$type<PaymentProvider>().notNull(),
    /** Stripe's PaymentIntent id, PayPal's order id; null for manual payments. */
    providerId: text("provider_id"),
    /** PayPal's capture id, Stripe's charge id: what refunds and provider events name. */
    providerChargeId: text("provider_charge_id"),
    method: text("method").$type<ManualMethod>(),
    reference: text("reference"),
    status: text("status").$type<PaymentStatus>().notNull(),
    currency: text("currency").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    capturedMinor: bigint("captured_minor", { mode: "number" }).notNull().default(0),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    livemode: boolean("livemode"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("payments_provider_id").on(t.tenantId, t.provider, t.providerId),
    index("payments_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("payments_tenant_status_created_idx").on(t.tenantId, t.status, t.createdAt, t.id),
    index("payments_order_idx").on(t.tenantId, t.orderId),
    check(
      "payments_amounts",
      sql`${t.amountMinor} > 0 and ${t.capturedMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.capturedMinor}`,
    ),
  ],
);

/** Money given back. A pending refund already counts against what may still be refunded. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    providerRefundId: text("provider_refund_id"),
    status: text("status").$type<RefundStatus>().notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull().default(""),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    failureMessage: text("failure_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId),
    uniqueIndex("refunds_provider_id").on(t.tenantId, t.providerRefundId),
    check("refunds_amount", sql`${t.amountMinor} > 0`),
  ],
);

/** What happened to a payment, in order: the payment page's history. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    /** api, admin, webhook, checkout */
    source: text("source").notNull(),
    providerEventId: text("provider_event_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId, t.seq)],
);

/** Every provider webhook we accepted, by the provider's event id: a redelivery changes nothing. */
export const providerEvents = pgTable(
  "provider_events",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    provider: text("provider").$type<ProviderName>().notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.provider, t.eventId] })],
);

/**
 * The hosted checkout link of an order: found by the token's SHA-256; the token itself is sealed
 * so the admin can copy the link again. Revoking or replacing it ends the old link at once.
 */
export const checkoutLinks = pgTable(
  "checkout_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    tokenSealed: text("token_sealed").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("checkout_links_token").on(t.tokenHash),
    index("checkout_links_order_idx").on(t.tenantId, t.orderId),
  ],
);
