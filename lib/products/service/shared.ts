// What the verbs share: the row lookup, the stored search text and the SKU conflict.
import { and, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { foldForSearch } from "@/lib/text/search";
import type { ProductCreate, ProductUpdate } from "../contract";
import { products, type ProductRow } from "../schema";

export type CreateInput = z.infer<typeof ProductCreate>;
export type UpdateInput = z.infer<typeof ProductUpdate>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function searchText(
  p: Pick<ProductRow, "nameEn" | "nameAr" | "descriptionEn" | "descriptionAr" | "sku" | "tags">,
) {
  return foldForSearch(
    [p.nameEn, p.nameAr, p.sku ?? "", p.tags.join(" "), p.descriptionEn, p.descriptionAr].join(
      " \u0001 ",
    ),
  );
}

export type Values = Omit<ProductRow, "id" | "tenantId" | "createdAt" | "updatedAt" | "searchText">;

export const skuTaken = (sku: string | null) =>
  new ConflictError(`Another product already has the SKU "${sku}"`, "SKU_TAKEN");

export async function findRow(
  db: Db,
  ctx: ServiceContext,
  id: string,
  lock = false,
): Promise<ProductRow> {
  if (!UUID.test(id)) throw new NotFoundError("Product not found", "PRODUCT_NOT_FOUND");
  const query = db
    .select()
    .from(products)
    .where(and(eq(products.tenantId, ctx.tenant.id), eq(products.id, id)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("Product not found", "PRODUCT_NOT_FOUND");
  return row;
}

export const findRowForUpdate = (tx: Db, ctx: ServiceContext, id: string) =>
  findRow(tx, ctx, id, true);
