import { and, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { products } from "../schema";
import { presentProduct, type Product } from "./present";
import { perDatabase, statementName } from "@/lib/db/prepared";
import { PRODUCT_COLUMNS } from "./prepared";
import { UUID } from "./shared";

/** One product of a store by id: a prepared statement (./prepared.ts), the hot read after the list. */
const byId = perDatabase((db) =>
  db
    .select(PRODUCT_COLUMNS)
    .from(products)
    .where(
      and(
        eq(products.tenantId, sql.placeholder("tenantId")),
        eq(products.id, sql.placeholder("id")),
      ),
    )
    .limit(1)
    .prepare(statementName("products_get")),
);

export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  authorize(ctx.actor, "products:read");
  if (!UUID.test(id)) throw new NotFoundError("Product not found", "PRODUCT_NOT_FOUND");
  const [row] = await byId(ctx.db, "").execute({ tenantId: ctx.tenant.id, id });
  if (!row) throw new NotFoundError("Product not found", "PRODUCT_NOT_FOUND");
  return presentProduct(row);
}
