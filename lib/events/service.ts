import type { Db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { QUEUES } from "@/lib/jobs/queue";
import type { EventName } from "./catalogue";
import { outboxEvents } from "./schema";

export const API_VERSION = "2026-11-01";

export { EVENTS, type EventName } from "./catalogue";

/** Records an event; pass the transaction of the change so both commit or neither does. */
export async function recordEvent(
  tx: Db,
  ctx: ServiceContext,
  event: EventName,
  data: Record<string, unknown>,
) {
  const [row] = await tx
    .insert(outboxEvents)
    .values({ tenantId: ctx.tenant.id, event, apiVersion: API_VERSION, data, createdAt: ctx.now() })
    .returning({ id: outboxEvents.id });
  // The job commits or rolls back with the change: no event is lost, none is sent for nothing.
  await ctx.jobs?.sendInTx(tx, QUEUES.webhookFanout, { eventId: row!.id });
}
