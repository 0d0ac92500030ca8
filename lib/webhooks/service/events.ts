import { and, desc, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { AuthenticationError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { outboxEvents } from "@/lib/events/schema";
import { readableEvents } from "@/lib/events/catalogue";
import { summarizeEventData } from "../summary";

/** The latest events of the store the caller may read, for the admin's live activity feed. */
export async function recentEvents(ctx: ServiceContext, limit = 20) {
  if (!ctx.actor) throw new AuthenticationError();
  const actor = ctx.actor;
  // The feed shows a caller only the events whose resource they may read.
  const visible = readableEvents((permission) => can(actor, permission));
  const rows = await ctx.db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.tenantId, ctx.tenant.id), inArray(outboxEvents.event, visible)))
    .orderBy(desc(outboxEvents.createdAt))
    .limit(limit);
  return {
    data: rows.map((e) => ({
      id: e.id,
      event: e.event,
      created_at: e.createdAt.toISOString(),
      summary: summarizeEventData(e.data),
    })),
  };
}
