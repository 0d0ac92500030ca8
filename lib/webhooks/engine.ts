import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto";
import { outboxEvents } from "@/lib/events/schema";
import type { JobSender } from "@/lib/jobs/queue";
import { log } from "@/lib/log";
import { tenants } from "@/lib/tenants/schema";
import { disableEndpoint } from "./disable";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "./schema";
import { sendWebhook, type SendResult } from "./sender";
import { signedHeaders, webhookBody } from "./signing";

/** What sending and settling read of a delivery; the dispatcher's claim returns just these. */
export const DELIVERY_FIELDS = [
  "id",
  "tenantId",
  "eventId",
  "event",
  "body",
  "attempts",
  "nextAttemptAt",
] as const;
/** What sending and settling read of an endpoint. */
export const ENDPOINT_FIELDS = [
  "id",
  "url",
  "secretSealed",
  "previousSecretSealed",
  "previousSecretExpiresAt",
  "failingSince",
] as const;
export type Delivery = Pick<
  typeof webhookDeliveries.$inferSelect,
  (typeof DELIVERY_FIELDS)[number]
>;
export type Endpoint = Pick<typeof webhookEndpoints.$inferSelect, (typeof ENDPOINT_FIELDS)[number]>;

/** Waits before each retry: a little over two days in all (docs/webhooks.md, "Retries"). */
export const RETRY_SCHEDULE_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  5 * 3600_000,
  10 * 3600_000,
  10 * 3600_000,
  24 * 3600_000,
];
export const DISABLE_AFTER_MS = 5 * 86_400_000;

export interface EngineDeps {
  db: Db;
  jobs: JobSender;
  encryptionKey: Buffer;
  allowPrivate: boolean;
  now: () => Date;
  /** Tests shorten the schedule; production uses RETRY_SCHEDULE_MS. */
  schedule?: number[];
  random?: () => number;
  timeoutMs?: number;
}

/**
 * The wait before the next attempt: the schedule's step with +-10% jitter so many endpoints
 * failing together do not retry in lockstep; a 429/503's Retry-After wins when it is longer.
 * Undefined when the schedule is used up.
 */
export function nextDelayMs(
  attemptsSoFar: number,
  result: Pick<SendResult, "status" | "retryAfterSeconds">,
  schedule = RETRY_SCHEDULE_MS,
  random = Math.random,
): number | undefined {
  const step = schedule[attemptsSoFar - 1];
  if (step === undefined) return undefined;
  const jittered = Math.round(step * (0.9 + random() * 0.2));
  const honoursRetryAfter = result.status === 429 || result.status === 503;
  if (honoursRetryAfter && result.retryAfterSeconds !== null)
    return Math.max(jittered, Math.min(result.retryAfterSeconds * 1000, 24 * 3600_000));
  return jittered;
}

/**
 * Outbox events -> one delivery per subscribed, enabled endpoint, due now. The worker passes a
 * batch (an import's hundreds of events): one transaction of three statements however many
 * events and endpoints. Running again is harmless: an event has one delivery per endpoint.
 */
export async function fanOut(deps: EngineDeps, eventIds: string | string[]) {
  const ids = typeof eventIds === "string" ? [eventIds] : eventIds;
  if (!ids.length) return;
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ event: outboxEvents, slug: tenants.slug })
      .from(outboxEvents)
      .innerJoin(tenants, eq(tenants.id, outboxEvents.tenantId))
      .where(inArray(outboxEvents.id, ids));
    if (!rows.length) return;
    const now = deps.now();
    // Each event's body is made here, once (byte for byte what every attempt sends); the
    // deliveries are made in the database, one per enabled endpoint of the event's own store that
    // wants it, in one statement (building hundreds of rows' values in Drizzle cost more).
    const bodies = rows.map(({ event, slug }) => ({
      id: event.id,
      body: webhookBody({
        id: event.id,
        event: event.event,
        createdAt: event.createdAt,
        tenantSlug: slug,
        apiVersion: event.apiVersion,
        data: event.data,
      }),
    }));
    await tx.execute(sql`
      INSERT INTO ${webhookDeliveries} (tenant_id, endpoint_id, event_id, event, body,
        next_attempt_at, created_at)
      SELECT e.tenant_id, ep.id, e.id, e.event, b.body,
        -- Due since its event happened (never later than now): a backlog goes out oldest first.
        least(e.created_at, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz
      FROM json_to_recordset(${JSON.stringify(bodies)}::json) AS b(id uuid, body text)
      JOIN ${outboxEvents} e ON e.id = b.id
      JOIN ${webhookEndpoints} ep ON ep.tenant_id = e.tenant_id AND ep.enabled
        AND ep.events && ARRAY['*', e.event]
      ON CONFLICT DO NOTHING`);
    await tx
      .update(outboxEvents)
      .set({ dispatchedAt: now })
      .where(
        inArray(
          outboxEvents.id,
          rows.map((r) => r.event.id),
        ),
      );
  });
}

/**
 * Opened secrets by their sealed form, so a busy endpoint's secret is not decrypted for every
 * delivery. A rotated secret has a new sealed form; the old entry just ages out. Bounded: the
 * whole map is dropped when it fills.
 */
const opened = new Map<string, string>();
const OPENED_MAX = 1024;

function open(deps: EngineDeps, sealed: string): string {
  let secret = opened.get(sealed);
  if (secret === undefined) {
    secret = decryptSecret(deps.encryptionKey, sealed);
    if (opened.size >= OPENED_MAX) opened.clear();
    opened.set(sealed, secret);
  }
  return secret;
}

function liveSecrets(deps: EngineDeps, endpoint: Endpoint): string[] {
  const secrets = [open(deps, endpoint.secretSealed)];
  if (
    endpoint.previousSecretSealed &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > deps.now()
  ) {
    secrets.push(open(deps, endpoint.previousSecretSealed));
  }
  return secrets;
}

/** Signs and POSTs a delivery's body now. */
export async function send(deps: EngineDeps, delivery: Delivery, endpoint: Endpoint, now: Date) {
  const headers = signedHeaders({
    secrets: liveSecrets(deps, endpoint),
    messageId: delivery.eventId,
    event: delivery.event,
    body: delivery.body,
    timestamp: now,
  });
  const result = await sendWebhook(
    endpoint.url,
    headers,
    delivery.body,
    deps.allowPrivate,
    deps.timeoutMs,
  );
  const attempt = {
    tenantId: delivery.tenantId,
    deliveryId: delivery.id,
    number: delivery.attempts + 1,
    requestHeaders: headers,
    responseStatus: result.status,
    responseBody: result.body,
    error: result.error,
    durationMs: result.durationMs,
    createdAt: now,
  };
  return { result, attempt };
}

type AttemptValues = Awaited<ReturnType<typeof send>>["attempt"];

/**
 * Stores an attempt; undefined when its delivery is gone (its endpoint was removed while we
 * were sending). The POST happened, so failing here would make the worker send it again and
 * leave the delivery unscheduled: if the receiver's reply cannot be stored, what is ours is
 * kept with a note instead of the reply.
 */
async function recordAttempt(deps: EngineDeps, values: AttemptValues) {
  const record = async (v: AttemptValues) =>
    (await deps.db.insert(webhookAttempts).values(v).returning())[0]!;
  try {
    return await record(values);
  } catch (err) {
    const [still] = await deps.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, values.deliveryId));
    if (!still) return undefined;
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    log.warn("webhook attempt not recorded in full", {
      delivery: values.deliveryId,
      error: cause instanceof Error ? cause.message : String(cause),
    });
    return record({ ...values, responseBody: null, error: UNRECORDED_REPLY });
  }
}

/** Sends one attempt now and records it; used by "send test event" and resend. */
export async function attemptDelivery(deps: EngineDeps, deliveryId: string) {
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return undefined;
  const { result, attempt: values } = await send(deps, row.delivery, row.endpoint, deps.now());
  const attempt = await recordAttempt(deps, values);
  return attempt && { result, attempt };
}

const UNRECORDED_REPLY = "The receiver's reply could not be recorded";

const ok = (status: number | null) => status !== null && status >= 200 && status < 300;

/** A 2xx from an endpoint that was not failing: settled in a batch by `settleSucceeded`. */
export const isPlainSuccess = (result: SendResult, endpoint: Endpoint) =>
  ok(result.status) && !endpoint.failingSince;

export interface Succeeded {
  attempt: AttemptValues;
  completedAt: Date;
}

/**
 * Plain successes as webhook_dispatch settles them (lib/db/migrations/0023_webhook_dispatch.sql):
 * each attempt stored, its delivery marked succeeded and its slot given back, many in one
 * statement. A reply that cannot be stored fails that statement; the caller then uses `settle`.
 */
export function settledRows(batch: Succeeded[]): string {
  // The attempt's own field names: the function reads them as they are (Dates become ISO text).
  return JSON.stringify(batch.map(({ attempt, completedAt }) => ({ ...attempt, completedAt })));
}

/**
 * Stores an attempt and moves its delivery on as the result says (succeeded, a retry at its
 * time, or failed for good), giving back its slot. Answers when the delivery is due again, if
 * it is. One transaction: failures, endpoints that were failing, replies that cannot be stored.
 */
export async function settle(
  deps: EngineDeps,
  delivery: Delivery,
  endpoint: Endpoint,
  result: SendResult,
  values: AttemptValues,
): Promise<Date | undefined> {
  // After the send, not before: a retry waits its step from when the attempt ended.
  const now = deps.now();
  const attempts = delivery.attempts + 1;
  if (!(await recordAttempt(deps, values))) return undefined;

  return deps.db.transaction(async (tx) => {
    if (ok(result.status)) {
      await tx
        .update(webhookDeliveries)
        .set({
          status: "succeeded",
          attempts,
          lastStatusCode: result.status,
          nextAttemptAt: null,
          completedAt: now,
          inFlightUntil: null,
        })
        .where(eq(webhookDeliveries.id, delivery.id));
      // Only a failing endpoint is written: a healthy one is not locked and rewritten per delivery.
      if (endpoint.failingSince)
        await tx
          .update(webhookEndpoints)
          .set({ failingSince: null })
          .where(eq(webhookEndpoints.id, endpoint.id));
      return undefined;
    }
    const failingSince = endpoint.failingSince ?? now;
    if (!endpoint.failingSince)
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: now })
        .where(eq(webhookEndpoints.id, endpoint.id));
    const gone = result.status === 410;
    const tooLong = now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
    const delay = gone ? undefined : nextDelayMs(attempts, result, deps.schedule, deps.random);
    if (delay === undefined || tooLong) {
      await tx
        .update(webhookDeliveries)
        .set({
          status: "failed",
          attempts,
          lastStatusCode: result.status,
          nextAttemptAt: null,
          completedAt: now,
          inFlightUntil: null,
        })
        .where(eq(webhookDeliveries.id, delivery.id));
      if (gone || tooLong)
        await disableEndpoint(tx, deps, endpoint.id, gone ? "receiver_gone" : "failing_for_5_days");
      return undefined;
    }
    const nextAt = new Date(now.getTime() + delay);
    await tx
      .update(webhookDeliveries)
      .set({ attempts, lastStatusCode: result.status, nextAttemptAt: nextAt, inFlightUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    return nextAt;
  });
}
