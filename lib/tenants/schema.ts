import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const TENANT_STATUSES = ["active", "suspended"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What integrators send as X-Tenant-ID. */
    slug: text("slug").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameAr: text("name_ar").notNull(),
    currency: text("currency").notNull().default("SAR"),
    timeZone: text("time_zone").notNull().default("Asia/Riyadh"),
    /** VAT in basis points (15% = 1500): exact, no floating point. */
    vatRateBp: integer("vat_rate_bp").notNull().default(1500),
    pricesIncludeVat: boolean("prices_include_vat").notNull().default(true),
    defaultLocale: text("default_locale").notNull().default("ar"),
    vatNumber: text("vat_number"),
    logoUrl: text("logo_url"),
    /** A suspended store's API answers 403 STORE_SUSPENDED (its owner may still sign in and export). */
    status: text("status").$type<TenantStatus>().notNull().default("active"),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("tenants_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check("tenants_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("tenants_vat_range", sql`${t.vatRateBp} between 0 and 10000`),
    check("tenants_locale", sql`${t.defaultLocale} in ('en', 'ar')`),
    check("tenants_status", sql`${t.status} in ('active', 'suspended')`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;

/**
 * First-run setup codes (docs/decisions/0009-stores-setup-and-export.md): each server start on a
 * database without a store prints one and stores its SHA-256 here, so any instance accepts it.
 * A successful setup deletes them all.
 */
export const setupCodes = pgTable("setup_codes", {
  codeHash: text("code_hash").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
