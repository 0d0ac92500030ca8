import { sql } from "drizzle-orm";
import {
  bigint,
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

import { PRODUCT_STATUSES, type ProductStatus } from "./contract";
import { statusCountsTable } from "@/lib/db/status-counts";

export { PRODUCT_STATUSES, type ProductStatus };

type NameColumns = { nameEn: AnyPgColumn; nameAr: AnyPgColumn };
/** The sort keys of sort=name and sort=name_ar: the name, or the other language's when empty. */
export const sortNameEn = (t: NameColumns) => sql`coalesce(nullif(${t.nameEn}, ''), ${t.nameAr})`;
export const sortNameAr = (t: NameColumns) => sql`coalesce(nullif(${t.nameAr}, ''), ${t.nameEn})`;

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    nameEn: text("name_en").notNull().default(""),
    nameAr: text("name_ar").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionAr: text("description_ar").notNull().default(""),
    /** Integer minor units in the currency's exponent (lib/money.ts). */
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    category: text("category"),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sku: text("sku"),
    status: text("status").$type<ProductStatus>().notNull().default("draft"),
    inventory: integer("inventory").notNull().default(0),
    images: jsonb("images").$type<string[]>().notNull().default([]),
    /** Names, descriptions, sku and tags folded by lib/text/search.ts; trigram-indexed. */
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_tenant_sku").on(t.tenantId, t.sku),
    // One index per sort key, ending in id: a backward scan serves the descending order too,
    // so page 1 of any sort reads 20 index entries, not the whole catalogue.
    index("products_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    index("products_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.id),
    index("products_tenant_price_idx").on(t.tenantId, t.priceMinor, t.id),
    // A product without a name in one language sorts by its name in the other.
    index("products_tenant_name_idx").on(t.tenantId, sortNameEn(t), t.id),
    index("products_tenant_name_ar_idx").on(t.tenantId, sortNameAr(t), t.id),
    index("products_tenant_inventory_idx").on(t.tenantId, t.inventory, t.id),
    index("products_tenant_status_created_idx").on(t.tenantId, t.status, t.createdAt, t.id),
    index("products_tenant_category_created_idx").on(t.tenantId, t.category, t.createdAt, t.id),
    index("products_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    check("products_status", sql`${t.status} in ('draft', 'active', 'archived')`),
    check("products_price_nonnegative", sql`${t.priceMinor} >= 0`),
    check("products_inventory_nonnegative", sql`${t.inventory} >= 0`),
  ],
);

export type ProductRow = typeof products.$inferSelect;

/** Products per store and status (see statusCountsTable). */
export const productCounts = statusCountsTable("product_counts");

/**
 * What a category is called in each language (docs/decisions/0004): products keep `category` as
 * the plain string integrations send ("software"); this names it for people, keyed by that string.
 */
export const categoryNames = pgTable(
  "category_names",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    nameEn: text("name_en").notNull(),
    nameAr: text("name_ar").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.category] })],
);
