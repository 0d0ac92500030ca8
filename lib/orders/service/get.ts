import { and, asc, eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/auth/permissions";
import { orderEvents, orders } from "../schema";
import { presentEvent, presentOrder } from "./present";
import { loadItems, notFound, UUID } from "./shared";

/** One order of the store with its lines and timeline. */
export async function getOrder(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "orders:read");
  if (!UUID.test(id)) throw notFound();
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, id)));
  if (!order) throw notFound();
  const [items, events] = await Promise.all([
    loadItems(ctx.db, ctx, id),
    ctx.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.tenantId, ctx.tenant.id), eq(orderEvents.orderId, id)))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.seq)),
  ]);
  return { ...presentOrder(order, items), timeline: events.map(presentEvent) };
}
