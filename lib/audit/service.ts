import type { Db } from "@/lib/db/client";
import { actorId, type ServiceContext } from "@/lib/context";
import { auditLog } from "./schema";

export interface AuditEntry {
  action: string;
  resourceType?: string;
  resourceId?: string;
  /** Who, when no signed-in actor is on the context (e.g. the user signing in). */
  actorId?: string;
  metadata?: Record<string, unknown>;
}

/** Writes one audit row; pass the transaction so the row commits with the change it records. */
export async function recordAudit(db: Db, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await db.insert(auditLog).values({
    tenantId: ctx.tenant.id,
    actorType: actor ? actor.type : entry.actorId ? "user" : "anonymous",
    actorId: actor ? actorId(actor) : (entry.actorId ?? null),
    action: entry.action,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    metadata: entry.metadata ?? {},
  });
}
