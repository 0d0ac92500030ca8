import { eq, sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import type { EndpointSchema } from "../contract";
import { webhookAttempts, webhookDeliveries } from "../schema";
import type { EndpointRow } from "./shared";

export async function health(db: Db, ctx: ServiceContext, endpointIds: string[]) {
  if (!endpointIds.length)
    return new Map<string, { total: number; ok: number; lastFailure: Date | null }>();
  const since = new Date(ctx.now().getTime() - 86_400_000);
  const rows = await db
    .select({
      id: webhookDeliveries.endpointId,
      total:
        sql<number>`count(*) filter (where ${webhookDeliveries.createdAt} >= ${since.toISOString()}::timestamptz)`.mapWith(
          Number,
        ),
      ok: sql<number>`count(*) filter (where ${webhookDeliveries.createdAt} >= ${since.toISOString()}::timestamptz and ${webhookDeliveries.status} = 'succeeded')`.mapWith(
        Number,
      ),
      lastFailure: sql<
        string | null
      >`max(${webhookDeliveries.createdAt}) filter (where ${webhookDeliveries.lastStatusCode} is distinct from null and (${webhookDeliveries.lastStatusCode} < 200 or ${webhookDeliveries.lastStatusCode} >= 300) or ${webhookDeliveries.status} = 'failed')`,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.tenantId, ctx.tenant.id))
    .groupBy(webhookDeliveries.endpointId);
  return new Map(
    rows.map((r) => [
      r.id,
      { total: r.total, ok: r.ok, lastFailure: r.lastFailure ? new Date(r.lastFailure) : null },
    ]),
  );
}

export function present(
  e: EndpointRow,
  h: { total: number; ok: number; lastFailure: Date | null } | undefined,
  now: Date,
): z.infer<typeof EndpointSchema> {
  const rotating =
    e.previousSecretExpiresAt && e.previousSecretExpiresAt > now
      ? e.previousSecretExpiresAt.toISOString()
      : null;
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    enabled: e.enabled,
    disabled_reason: e.disabledReason,
    disabled_code: e.disabledCode,
    secret_rotation_ends_at: rotating,
    health: {
      deliveries_24h: h?.total ?? 0,
      succeeded_24h: h?.ok ?? 0,
      success_rate_24h: h?.total ? Math.round((1000 * h.ok) / h.total) / 1000 : null,
      last_failure_at: h?.lastFailure?.toISOString() ?? null,
      failing_since: e.failingSince?.toISOString() ?? null,
    },
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

export function presentAttempt(a: typeof webhookAttempts.$inferSelect) {
  return {
    id: a.id,
    number: a.number,
    request_headers: a.requestHeaders,
    response_status: a.responseStatus,
    response_body: a.responseBody === null ? null : a.responseBody.slice(0, 2048),
    error: a.error,
    duration_ms: a.durationMs,
    created_at: a.createdAt.toISOString(),
  };
}

export function presentDelivery(d: typeof webhookDeliveries.$inferSelect) {
  return {
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
    last_status_code: d.lastStatusCode,
    created_at: d.createdAt.toISOString(),
    completed_at: d.completedAt?.toISOString() ?? null,
  };
}
