import { likeInStore } from "@/lib/db/store-like";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/permissions";
import { apiKeys } from "@/lib/api-keys/schema";
import { users } from "@/lib/users/schema";
import { escapeLike } from "@/lib/text/search";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { AuditQuery } from "./contract";
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

export async function listAudit(ctx: ServiceContext, query: z.infer<typeof AuditQuery>) {
  authorize(ctx.actor, "audit:read");
  const conditions: SQL[] = [eq(auditLog.tenantId, ctx.tenant.id)];
  if (query.action) {
    conditions.push(
      query.action.endsWith(".")
        ? likeInStore(auditLog, auditLog.action, ctx.tenant.id, `${escapeLike(query.action)}%`)
        : eq(auditLog.action, query.action),
    );
  }
  if (query.actor_type) conditions.push(eq(auditLog.actorType, query.actor_type));
  if (query.actor_id) conditions.push(eq(auditLog.actorId, query.actor_id));
  if (query.resource_type) conditions.push(eq(auditLog.resourceType, query.resource_type));
  if (query.start_date)
    conditions.push(gte(auditLog.createdAt, startOfDayIn(query.start_date, ctx.tenant.timeZone)));
  if (query.end_date)
    conditions.push(lt(auditLog.createdAt, endOfDayIn(query.end_date, ctx.tenant.timeZone)));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ entry: auditLog, userName: users.name, keyName: apiKeys.name })
      .from(auditLog)
      .leftJoin(
        users,
        and(eq(auditLog.actorType, "user"), eq(sql`${users.id}::text`, auditLog.actorId)),
      )
      .leftJoin(
        apiKeys,
        and(eq(auditLog.actorType, "api_key"), eq(sql`${apiKeys.id}::text`, auditLog.actorId)),
      )
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const n = total?.n ?? 0;
  return {
    data: rows.map(({ entry: e, userName, keyName }) => ({
      id: e.id,
      actor: { type: e.actorType, id: e.actorId, name: userName ?? keyName ?? null },
      action: e.action,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      ip: e.ip,
      request_id: e.requestId,
      metadata: e.metadata,
      created_at: e.createdAt.toISOString(),
    })),
    pagination: {
      page: query.page,
      limit: query.limit,
      total: n,
      pages: Math.ceil(n / query.limit),
    },
  };
}
