import type { Db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { outboxEvents } from "./schema";

export const API_VERSION = "2026-11-01";

export const EVENTS = [
  "payment.completed",
  "payment.failed",
  "payment.refunded",
  "order.created",
  "order.updated",
  "product.created",
  "product.updated",
  "product.deleted",
  "user.created",
  "tenant.updated",
  "app.installed",
  "app.uninstalled",
  "webhook.endpoint_disabled",
] as const;
export type EventName = (typeof EVENTS)[number];

/** Records an event; pass the transaction of the change so both commit or neither does. */
export async function recordEvent(
  tx: Db,
  ctx: ServiceContext,
  event: EventName,
  data: Record<string, unknown>,
) {
  await tx.insert(outboxEvents).values({
    tenantId: ctx.tenant.id,
    event,
    apiVersion: API_VERSION,
    data,
    createdAt: ctx.now(),
  });
}
