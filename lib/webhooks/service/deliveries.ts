import { randomUUID } from "node:crypto";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { API_VERSION } from "@/lib/events/service";
import { endOfDayIn, startOfDayIn } from "@/lib/time";
import type { DeliveryQuery } from "../contract";
import { attemptDelivery, type EngineDeps } from "../engine";
import { webhookAttempts, webhookDeliveries } from "../schema";
import { webhookBody } from "../signing";
import { presentAttempt, presentDelivery } from "./present";
import { findDelivery, findEndpoint } from "./shared";

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
