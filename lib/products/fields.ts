import { z } from "zod";

/**
 * A product's input rules in plain zod: lib/products/contract.ts publishes them as the wire
 * shape, and the admin's form (a client component) validates with them without pulling
 * `@hono/zod-openapi` into the browser (docs/architecture.md, "Layers"). Not in schema.ts either:
 * the form must not pull in Drizzle.
 */
export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Stock per product (docs/api.md "Limits"); int4 keeps room for stock given back by cancels. */
export const MAX_INVENTORY = 1_000_000_000;

const text = (max: number) => z.string().trim().max(max);

const Price = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal number")])
  .meta({
    description: "Decimal in major units; no more decimals than the currency allows",
    example: 299.99,
  });
// An uploaded file is /api/v1/files/<tenant>/<name>: plain segments only (no . or .., %, \, //,
// ? or #), so a browser resolving the path cannot reach another endpoint.
const Image = z
  .string()
  .trim()
  .max(2048)
  .regex(
    /^(https?:\/\/|\/api\/v1\/files(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$)/,
    "must be an http(s) URL or an uploaded file path",
  );
const Sku = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, "letters, digits, . _ - / only");
const Category = z.string().trim().min(1).max(100);
const Tags = z.array(z.string().trim().min(1).max(50)).max(50);

/** A new product's fields (the contract's ProductCreate, and the admin's product form). */
export const ProductFields = z.object({
  name: z.object({ en: text(200).optional(), ar: text(200).optional() }),
  description: z.object({ en: text(5000).optional(), ar: text(5000).optional() }).optional(),
  price: Price,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .length(3)
    .optional()
    .meta({ description: "ISO 4217; defaults to the store's currency" }),
  category: Category.nullable().optional(),
  tags: Tags.optional(),
  sku: Sku.nullable().optional(),
  status: z
    .enum(PRODUCT_STATUSES)
    .optional()
    .meta({ description: "Defaults to draft; active needs both names" }),
  inventory: z.number().int().min(0).max(MAX_INVENTORY).optional(),
  images: z.array(Image).max(20).optional(),
});
