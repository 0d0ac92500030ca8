import { z } from "@hono/zod-openapi";

// Here rather than in schema.ts: the admin's forms import this file, and must not pull in Drizzle.
export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);

/** Stock per product (docs/api.md "Limits"); int4 keeps room for stock given back by cancels. */
export const MAX_INVENTORY = 1_000_000_000;

export const ProductSchema = z
  .object({
    id: z.uuid(),
    name: z.object({ en: z.string(), ar: z.string() }),
    description: z.object({ en: z.string(), ar: z.string() }),
    price: z
      .number()
      .openapi({ description: "Decimal, in major units of `currency`", example: 299.99 }),
    currency: z.string().openapi({ example: "SAR" }),
    category: z.string().nullable(),
    tags: z.array(z.string()),
    sku: z.string().nullable(),
    status: z.enum(PRODUCT_STATUSES),
    inventory: z.number().int(),
    images: z.array(z.string()),
    created_at: z.string().openapi({ format: "date-time" }),
    updated_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Product");

const Price = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal number")])
  .openapi({
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

export const ProductCreate = z
  .object({
    name: z.object({ en: text(200).optional(), ar: text(200).optional() }),
    description: z.object({ en: text(5000).optional(), ar: text(5000).optional() }).optional(),
    price: Price,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .length(3)
      .optional()
      .openapi({ description: "ISO 4217; defaults to the store's currency" }),
    category: Category.nullable().optional(),
    tags: Tags.optional(),
    sku: Sku.nullable().optional(),
    status: z
      .enum(PRODUCT_STATUSES)
      .optional()
      .openapi({ description: "Defaults to draft; active needs both names" }),
    inventory: z.number().int().min(0).max(MAX_INVENTORY).optional(),
    images: z.array(Image).max(20).optional(),
  })
  .openapi("ProductCreate", {
    example: {
      name: { en: "Digital Marketing Tool", ar: "أداة التسويق الرقمي" },
      description: {
        en: "Comprehensive digital marketing automation",
        ar: "أتمتة شاملة للتسويق الرقمي",
      },
      price: 299.99,
      currency: "USD",
      category: "software",
      tags: ["marketing", "automation", "digital"],
    },
  });

export const ProductUpdate = ProductCreate.partial().openapi("ProductUpdate");

export const SORTS = [
  "created_at",
  "-created_at",
  "updated_at",
  "-updated_at",
  "price",
  "-price",
  "name",
  "-name",
  "name_ar",
  "-name_ar",
  "inventory",
  "-inventory",
] as const;

export const ProductListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  category: z.string().trim().max(100).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(SORTS).default("-created_at"),
});

export const Pagination = z
  .object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    pages: z.number().int(),
  })
  .openapi("Pagination");

export const ProductList = z
  .object({ data: z.array(ProductSchema), pagination: Pagination })
  .openapi("ProductList");

export const CategoryList = z
  .object({ data: z.array(z.object({ name: z.string(), count: z.number().int() })) })
  .openapi("CategoryList");

export const BulkAction = z
  .object({
    ids: z.array(z.uuid()).min(1).max(100),
    action: z.enum(["activate", "archive", "draft"]),
  })
  .openapi("ProductBulkAction");

export const BulkResult = z
  .object({
    updated: z.array(z.uuid()),
    errors: z.array(z.object({ id: z.string(), code: z.string(), detail: z.string() })),
  })
  .openapi("ProductBulkResult");

export const DeleteResult = z
  .object({ id: z.uuid(), deleted: z.boolean(), archived: z.boolean() })
  .openapi("ProductDeleteResult");

export const ImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int(),
        field: z.string(),
        code: z.string().openapi({
          description:
            "invalid_type, too_big, too_small, invalid_value, invalid_precision, required, required_for_active, duplicate_in_file, unreadable_row, ...",
        }),
        message: z.string(),
      }),
    ),
  })
  .openapi("ProductImportResult");
