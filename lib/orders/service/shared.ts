import { and, eq } from "drizzle-orm";
import { actorId, type ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { apiKeys } from "@/lib/api-keys/schema";
import { users } from "@/lib/users/schema";
import { orderItems, orders } from "../schema";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const notFound = () => new NotFoundError("Order not found", "ORDER_NOT_FOUND");

/** The calendar year in the store's time zone (order numbers restart each year). */
export function storeYear(ctx: ServiceContext, at: Date): number {
  return Number(
    new Intl.DateTimeFormat("en", { timeZone: ctx.tenant.timeZone, year: "numeric" }).format(at),
  );
}

export async function loadItems(db: Db, ctx: ServiceContext, orderId: string) {
  return db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.tenantId, ctx.tenant.id), eq(orderItems.orderId, orderId)));
}

export async function findByExternal(db: Db, tenantId: string, source: string, externalId: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.source, source),
        eq(orders.externalId, externalId),
      ),
    );
  return row;
}

/** The actor as the timeline shows it: type, id and a readable name. */
export async function actorForTimeline(db: Db, ctx: ServiceContext) {
  const actor = ctx.actor;
  if (!actor) return { actorType: "system", actorId: null, actorName: null };
  if (actor.type === "user") {
    const [u] = await db
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.id, actor.userId), eq(users.tenantId, ctx.tenant.id)));
    return { actorType: "user", actorId: actor.userId, actorName: u?.name ?? null };
  }
  if (actor.type === "app")
    return { actorType: "app", actorId: actor.appRef, actorName: actor.appName };
  const [k] = await db
    .select({ name: apiKeys.name })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, actor.keyId), eq(apiKeys.tenantId, ctx.tenant.id)));
  return { actorType: "api_key", actorId: actorId(actor), actorName: k?.name ?? null };
}
