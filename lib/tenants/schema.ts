import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("tenants_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check("tenants_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("tenants_vat_range", sql`${t.vatRateBp} between 0 and 10000`),
    check("tenants_locale", sql`${t.defaultLocale} in ('en', 'ar')`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
