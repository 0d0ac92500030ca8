import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { presentProduct, type Product } from "./present";
import { findRow } from "./shared";

export async function getProduct(ctx: ServiceContext, id: string): Promise<Product> {
  authorize(ctx.actor, "products:read");
  return presentProduct(await findRow(ctx.db, ctx, id));
}
