import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { OrdersReferenceCheck } from "@/lib/products/service";
import { orderItems } from "../schema";

/**
 * For the catalogue: whether this store's orders reference the product (then it is archived, not
 * deleted). Scoped by store like every query: another store's lines never count.
 */
export const productHasOrders: OrdersReferenceCheck = async (
  db: Db,
  tenantId: string,
  productId: string,
) => {
  const [row] = await db
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(and(eq(orderItems.tenantId, tenantId), eq(orderItems.productId, productId)))
    .limit(1);
  return Boolean(row);
};
