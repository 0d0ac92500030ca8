import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { MAX_INVENTORY } from "./contract";
import { products, type ProductRow } from "./schema";

/**
 * The catalogue's side of an order: the products an order's lines name, and their stock. Only
 * this module writes the products table; orders call these inside their own transaction.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The store's products among `ids` (ids that are not UUIDs match nothing). */
export async function productsForLines(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<ProductRow[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (!valid.length) return [];
  return db
    .select()
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, valid)));
}

/**
 * Takes `quantity` of each product off its stock. Returns the first product that is short, or
 * null when all were reserved; the conditional update is the lock, so two buyers of the last
 * unit cannot both succeed. Roll the transaction back on a shortage.
 */
export async function reserveStock(
  tx: Db,
  tenantId: string,
  wanted: ReadonlyMap<string, number>,
): Promise<string | null> {
  for (const [productId, quantity] of wanted) {
    const reserved = await tx
      .update(products)
      .set({ inventory: sql`${products.inventory} - ${quantity}` })
      .where(
        and(
          eq(products.tenantId, tenantId),
          eq(products.id, productId),
          gte(products.inventory, quantity),
        ),
      )
      .returning({ id: products.id });
    if (!reserved.length) return productId;
  }
  return null;
}

/** Gives reserved stock back (a cancelled order); a product deleted since is skipped. */
export async function releaseStock(
  tx: Db,
  tenantId: string,
  lines: readonly { productId: string | null; quantity: number }[],
): Promise<void> {
  for (const line of lines) {
    if (!line.productId) continue;
    await tx
      .update(products)
      // Stock never exceeds the documented cap (docs/api.md "Limits"), nor overflows int4.
      .set({
        inventory: sql`least(${products.inventory}::bigint + ${line.quantity}, ${MAX_INVENTORY})`,
      })
      .where(and(eq(products.tenantId, tenantId), eq(products.id, line.productId)));
  }
}
