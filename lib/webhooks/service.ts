import { randomUUID } from "node:crypto";
import { summarizeEventData } from "./summary";
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { AuthenticationError, NotFoundError, ValidationError } from "@/lib/errors";
import { authorize, can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { outboxEvents } from "@/lib/events/schema";
import { readableEvents } from "@/lib/events/catalogue";
import { API_VERSION } from "@/lib/events/service";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { DeliveryQuery, EndpointCreate, EndpointSchema, EndpointUpdate } from "./contract";
import { attemptDelivery, type EngineDeps } from "./engine";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "./schema";
import { checkUrlForm, UnsafeUrlError } from "./sender";
import { newSigningSecret, webhookBody } from "./signing";

type EndpointRow = typeof webhookEndpoints.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROTATION_OVERLAP_MS = 24 * 3600_000;

export interface WebhookSettings {
  encryptionKey: Buffer;
  allowPrivate: boolean;
}

function checkUrl(url: string, s: WebhookSettings) {
  try {
    return checkUrlForm(url, s.allowPrivate).toString();
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw new ValidationError("The endpoint URL cannot be used", [
      { field: "url", code: "unsafe_url", message: err.message },
    ]);
  }
}

async function health(db: Db, ctx: ServiceContext, endpointIds: string[]) {
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

function present(
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

async function findEndpoint(db: Db, ctx: ServiceContext, id: string): Promise<EndpointRow> {
  if (!UUID.test(id)) throw new NotFoundError("Webhook endpoint not found", "WEBHOOK_NOT_FOUND");
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenant.id), eq(webhookEndpoints.id, id)));
  if (!row) throw new NotFoundError("Webhook endpoint not found", "WEBHOOK_NOT_FOUND");
  return row;
}

export async function createEndpoint(
  ctx: ServiceContext,
  input: z.infer<typeof EndpointCreate>,
  s: WebhookSettings,
) {
  authorize(ctx.actor, "webhooks:write");
  const url = checkUrl(input.url, s);
  const secret = newSigningSecret();
  const [row] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      tenantId: ctx.tenant.id,
      url,
      description: input.description ?? "",
      events: [...new Set(input.events)],
      enabled: input.enabled ?? true,
      secretSealed: encryptSecret(s.encryptionKey, secret),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx.db, ctx, {
    action: "webhook.created",
    resourceType: "webhook_endpoint",
    resourceId: row!.id,
    metadata: { url },
  });
  return { ...present(row!, undefined, ctx.now()), secret };
}

export async function listEndpoints(ctx: ServiceContext) {
  authorize(ctx.actor, "webhooks:read");
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, ctx.tenant.id))
    .orderBy(webhookEndpoints.createdAt);
  const h = await health(
    ctx.db,
    ctx,
    rows.map((r) => r.id),
  );
  return { data: rows.map((r) => present(r, h.get(r.id), ctx.now())) };
}

export async function getEndpoint(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "webhooks:read");
  const row = await findEndpoint(ctx.db, ctx, id);
  return present(row, (await health(ctx.db, ctx, [id])).get(id), ctx.now());
}

export async function updateEndpoint(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof EndpointUpdate>,
  s: WebhookSettings,
) {
  authorize(ctx.actor, "webhooks:write");
  const current = await findEndpoint(ctx.db, ctx, id);
  const reenabled = input.enabled === true && !current.enabled;
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({
      url: input.url === undefined ? undefined : checkUrl(input.url, s),
      description: input.description,
      events: input.events ? [...new Set(input.events)] : undefined,
      enabled: input.enabled,
      // Turning an endpoint back on starts its failure clock afresh.
      ...(reenabled ? { disabledReason: null, disabledCode: null, failingSince: null } : {}),
      updatedAt: ctx.now(),
    })
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenant.id), eq(webhookEndpoints.id, id)))
    .returning();
  await recordAudit(ctx.db, ctx, {
    action: "webhook.updated",
    resourceType: "webhook_endpoint",
    resourceId: id,
    metadata: { fields: Object.keys(input) },
  });
  return present(row!, (await health(ctx.db, ctx, [id])).get(id), ctx.now());
}

export async function deleteEndpoint(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "webhooks:write");
  await findEndpoint(ctx.db, ctx, id);
  await ctx.db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenant.id), eq(webhookEndpoints.id, id)));
  await recordAudit(ctx.db, ctx, {
    action: "webhook.deleted",
    resourceType: "webhook_endpoint",
    resourceId: id,
  });
}

/** The signing secret, for admins (owner, admin); the read is audited. */
export async function revealSecret(ctx: ServiceContext, id: string, s: WebhookSettings) {
  authorize(ctx.actor, "webhooks:write");
  const row = await findEndpoint(ctx.db, ctx, id);
  await recordAudit(ctx.db, ctx, {
    action: "webhook.secret_revealed",
    resourceType: "webhook_endpoint",
    resourceId: id,
  });
  return { secret: decryptSecret(s.encryptionKey, row.secretSealed) };
}

/** A new secret; for 24 hours the old one signs too, so receivers can switch without a gap. */
export async function rotateSecret(ctx: ServiceContext, id: string, s: WebhookSettings) {
  authorize(ctx.actor, "webhooks:write");
  const row = await findEndpoint(ctx.db, ctx, id);
  const secret = newSigningSecret();
  const endsAt = new Date(ctx.now().getTime() + ROTATION_OVERLAP_MS);
  await ctx.db
    .update(webhookEndpoints)
    .set({
      secretSealed: encryptSecret(s.encryptionKey, secret),
      previousSecretSealed: row.secretSealed,
      previousSecretExpiresAt: endsAt,
      updatedAt: ctx.now(),
    })
    .where(eq(webhookEndpoints.id, id));
  await recordAudit(ctx.db, ctx, {
    action: "webhook.secret_rotated",
    resourceType: "webhook_endpoint",
    resourceId: id,
  });
  return { secret, previous_secret_expires_at: endsAt.toISOString() };
}

function presentAttempt(a: typeof webhookAttempts.$inferSelect) {
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

function presentDelivery(d: typeof webhookDeliveries.$inferSelect) {
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

/** Records the outcome of an attempt made on request (test event, resend). */
async function settleManualAttempt(engine: EngineDeps, deliveryId: string) {
  const sent = await attemptDelivery(engine, deliveryId);
  if (!sent) throw new NotFoundError("Delivery not found", "DELIVERY_NOT_FOUND");
  const success =
    sent.result.status !== null && sent.result.status >= 200 && sent.result.status < 300;
  await engine.db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: sent.result.status,
      ...(success
        ? { status: "succeeded" as const, completedAt: engine.now(), nextAttemptAt: null }
        : {}),
    })
    .where(eq(webhookDeliveries.id, deliveryId));
  return presentAttempt(sent.attempt);
}

/** Sends a `webhook.test` event to the endpoint now and returns the attempt. */
export async function sendTestEvent(ctx: ServiceContext, id: string, engine: EngineDeps) {
  authorize(ctx.actor, "webhooks:write");
  const endpoint = await findEndpoint(ctx.db, ctx, id);
  const eventId = randomUUID();
  const body = webhookBody({
    id: eventId,
    event: "webhook.test",
    createdAt: ctx.now(),
    tenantSlug: ctx.tenant.slug,
    apiVersion: API_VERSION,
    data: {
      message: "A test event from BrainSAIT Store",
      message_ar: "حدث تجريبي من متجر برينسايت",
      endpoint_id: endpoint.id,
    },
  });
  const [delivery] = await ctx.db
    .insert(webhookDeliveries)
    .values({
      tenantId: ctx.tenant.id,
      endpointId: endpoint.id,
      eventId,
      event: "webhook.test",
      body,
      status: "failed",
      createdAt: ctx.now(),
      completedAt: ctx.now(),
    })
    .returning();
  const attempt = await settleManualAttempt(engine, delivery!.id);
  return { delivery_id: delivery!.id, attempt };
}

async function findDelivery(ctx: ServiceContext, id: string) {
  if (!UUID.test(id)) throw new NotFoundError("Delivery not found", "DELIVERY_NOT_FOUND");
  const [row] = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, ctx.tenant.id), eq(webhookDeliveries.id, id)));
  if (!row) throw new NotFoundError("Delivery not found", "DELIVERY_NOT_FOUND");
  return row;
}

export async function listDeliveries(
  ctx: ServiceContext,
  endpointId: string,
  query: z.infer<typeof DeliveryQuery>,
) {
  authorize(ctx.actor, "webhooks:read");
  await findEndpoint(ctx.db, ctx, endpointId);
  const conditions: SQL[] = [
    eq(webhookDeliveries.tenantId, ctx.tenant.id),
    eq(webhookDeliveries.endpointId, endpointId),
  ];
  if (query.event) conditions.push(eq(webhookDeliveries.event, query.event));
  if (query.status) conditions.push(eq(webhookDeliveries.status, query.status));
  if (query.start_date)
    conditions.push(
      gte(webhookDeliveries.createdAt, startOfDayIn(query.start_date, ctx.tenant.timeZone)),
    );
  if (query.end_date)
    conditions.push(
      lt(webhookDeliveries.createdAt, endOfDayIn(query.end_date, ctx.tenant.timeZone)),
    );
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    ctx.db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  const n = total?.n ?? 0;
  return {
    data: rows.map(presentDelivery),
    pagination: {
      page: query.page,
      limit: query.limit,
      total: n,
      pages: Math.ceil(n / query.limit),
    },
  };
}

export async function getDelivery(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "webhooks:read");
  const delivery = await findDelivery(ctx, id);
  const attempts = await ctx.db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, id))
    .orderBy(webhookAttempts.number, webhookAttempts.createdAt);
  return {
    ...presentDelivery(delivery),
    body: delivery.body,
    attempt_log: attempts.map(presentAttempt),
  };
}

/** Sends a delivery again now, whatever its state, with the same body and webhook-id. */
export async function resendDelivery(ctx: ServiceContext, id: string, engine: EngineDeps) {
  authorize(ctx.actor, "webhooks:write");
  await findDelivery(ctx, id);
  const attempt = await settleManualAttempt(engine, id);
  await recordAudit(ctx.db, ctx, {
    action: "webhook.delivery_resent",
    resourceType: "webhook_delivery",
    resourceId: id,
  });
  return attempt;
}

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
