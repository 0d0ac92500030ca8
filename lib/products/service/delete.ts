import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { products } from "../schema";
import { presentProduct } from "./present";
import { findRow } from "./shared";
import { writeUpdate } from "./update";

/** Whether the store's orders reference a product; lib/orders answers (productHasOrders). */
export type OrdersReferenceCheck = (
  tx: Db,
  tenantId: string,
  productId: string,
) => Promise<boolean>;

/**
 * Deletes a product, or archives it when the store's orders reference it, so order history keeps
 * its lines. The check is required: without it a referenced product would silently be deleted.
 */
export async function deleteProduct(
  ctx: ServiceContext,
  id: string,
  referencedByOrders: OrdersReferenceCheck,
) {
  authorize(ctx.actor, "products:write");
  return ctx.db.transaction(async (tx) => {
    const row = await findRow(tx, ctx, id);
    if (await referencedByOrders(tx, ctx.tenant.id, id)) {
      const product = await writeUpdate(tx, ctx, id, { ...row, status: "archived" });
      await recordAudit(tx, ctx, {
        action: "product.archived",
        resourceType: "product",
        resourceId: id,
      });
      return { id: product.id, deleted: false, archived: true };
    }
    await tx.delete(products).where(and(eq(products.tenantId, ctx.tenant.id), eq(products.id, id)));
    await recordEvent(tx, ctx, "product.deleted", presentProduct(row));
    await recordAudit(tx, ctx, {
      action: "product.deleted",
      resourceType: "product",
      resourceId: id,
    });
    return { id, deleted: true, archived: false };
  });
}
