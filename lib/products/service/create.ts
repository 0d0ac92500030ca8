import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { products, type ProductRow } from "../schema";
import { merge } from "./merge";
import { presentProduct, type Product } from "./present";
import { searchText, skuTaken, type CreateInput, type Values } from "./shared";

export async function insertProduct(
  tx: Db,
  ctx: ServiceContext,
  values: Values,
): Promise<ProductRow> {
  try {
    const [row] = await tx
      .insert(products)
      .values({
        ...values,
        tenantId: ctx.tenant.id,
        searchText: searchText(values),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err, "products_tenant_sku")) throw skuTaken(values.sku);
    throw err;
  }
}

export async function createProduct(ctx: ServiceContext, input: CreateInput): Promise<Product> {
  authorize(ctx.actor, "products:write");
  const values = merge(ctx, undefined, input);
  return ctx.db.transaction(async (tx) => {
    const product = presentProduct(await insertProduct(tx, ctx, values));
    await recordEvent(tx, ctx, "product.created", product);
    await recordAudit(tx, ctx, {
      action: "product.created",
      resourceType: "product",
      resourceId: product.id,
    });
    return product;
  });
}
