import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { products } from "../schema";
import { merge } from "./merge";
import { presentProduct, type Product } from "./present";
import { findRow, searchText, skuTaken, type UpdateInput, type Values } from "./shared";

export async function writeUpdate(
  tx: Db,
  ctx: ServiceContext,
  id: string,
  values: Values,
): Promise<Product> {
  try {
    const [row] = await tx
      .update(products)
      .set({ ...values, searchText: searchText(values), updatedAt: ctx.now() })
      .where(and(eq(products.tenantId, ctx.tenant.id), eq(products.id, id)))
      .returning();
    const product = presentProduct(row!);
    await recordEvent(tx, ctx, "product.updated", product);
    return product;
  } catch (err) {
    if (isUniqueViolation(err, "products_tenant_sku")) throw skuTaken(values.sku);
    throw err;
  }
}

export async function updateProduct(
  ctx: ServiceContext,
  id: string,
  input: UpdateInput,
): Promise<Product> {
  authorize(ctx.actor, "products:write");
  return ctx.db.transaction(async (tx) => {
    const current = await findRow(tx, ctx, id, true);
    const product = await writeUpdate(tx, ctx, id, merge(ctx, current, input));
    await recordAudit(tx, ctx, {
      action: "product.updated",
      resourceType: "product",
      resourceId: id,
      metadata: { fields: Object.keys(input) },
    });
    return product;
  });
}
