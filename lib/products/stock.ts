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
 * Rows are locked in one order, by id, whatever order the caller's lines come in: two orders of
 * [A, B] and [B, A] locking crosswise would deadlock, and PostgreSQL would fail one of them.
 */
const byId = <T>(entries: Iterable<[string, T]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

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
  for (const [productId, quantity] of byId(wanted)) {
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

/** Gives reserved stock back (a cancelled order), in id order; a product deleted since is skipped. */
export async function releaseStock(
  tx: Db,
  tenantId: string,
  lines: readonly { productId: string | null; quantity: number }[],
): Promise<void> {
  const back = new Map<string, number>();
  for (const line of lines)
    if (line.productId) back.set(line.productId, (back.get(line.productId) ?? 0) + line.quantity);
  for (const [productId, quantity] of byId(back)) {
    await tx
      .update(products)
      // Stock never exceeds the documented cap (docs/api.md "Limits"), nor overflows int4.
      .set({
        inventory: sql`least(${products.inventory}::bigint + ${quantity}, ${MAX_INVENTORY})`,
      })
      .where(and(eq(products.tenantId, tenantId), eq(products.id, productId)));
  }
}
