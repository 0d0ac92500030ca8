import type { z } from "@hono/zod-openapi";
import { toMajor } from "@/lib/money";
import type { ProductSchema } from "../contract";
import type { ProductRow } from "../schema";

export type Product = z.infer<typeof ProductSchema>;

/** A product as the API shows it; the list reads no more than this needs (no search text). */
export function presentProduct(p: Omit<ProductRow, "searchText">): Product {
  return {
    id: p.id,
    name: { en: p.nameEn, ar: p.nameAr },
    description: { en: p.descriptionEn, ar: p.descriptionAr },
    price: toMajor(p.priceMinor, p.currency),
    currency: p.currency,
    category: p.category,
    tags: p.tags,
    sku: p.sku,
    status: p.status,
    inventory: p.inventory,
    images: p.images,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}
