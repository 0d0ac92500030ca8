import { z } from "@hono/zod-openapi";
import { MAX_INVENTORY, PRODUCT_STATUSES, ProductFields, type ProductStatus } from "./fields";

export { MAX_INVENTORY, PRODUCT_STATUSES, type ProductStatus };

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
    images: z
      .array(z.string())
      .openapi({ description: "In display order; the first is the thumbnail" }),
    created_at: z.string().openapi({ format: "date-time" }),
    updated_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Product");

export const ProductCreate = z.object(ProductFields.shape).openapi("ProductCreate", {
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

const CategoryNamesSchema = z
  .object({ en: z.string(), ar: z.string() })
  .openapi("CategoryNames", { description: "What people read for the category, per language" });

export const CategorySchema = z
  .object({
    name: z.string().openapi({ description: "The value products carry in `category`" }),
    count: z.number().int().openapi({ description: "Products in the category" }),
    names: CategoryNamesSchema.nullable().openapi({
      description: "Set with PUT /store/products/categories/names; null when never named",
    }),
  })
  .openapi("Category");

export const CategoryList = z.object({ data: z.array(CategorySchema) }).openapi("CategoryList");

const CategoryName = z.string().trim().max(100);

export const CategoryNamesInput = z
  .object({
    category: z.string().trim().min(1).max(100).openapi({ example: "software" }),
    names: z
      .object({ en: CategoryName, ar: CategoryName })
      .nullable()
      .openapi({ description: "null (or both empty) removes the names" }),
  })
  .openapi("CategoryNamesInput", {
    example: { category: "software", names: { en: "Software", ar: "برمجيات" } },
  });

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

export const CategoryNamesResult = z
  .object({ category: z.string(), names: CategoryNamesSchema.nullable() })
  .openapi("CategoryNamesResult");
