import { and, eq, inArray, sql } from "drizzle-orm";
import { perDatabase, statementName } from "@/lib/db/prepared";
import type { Db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto";
import { outboxEvents } from "@/lib/events/schema";
import { QUEUES, type JobSender } from "@/lib/jobs/queue";
import { log } from "@/lib/log";
import { tenants } from "@/lib/tenants/schema";
import { disableEndpoint } from "./disable";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "./schema";
import { sendWebhook, type SendResult } from "./sender";
import { claimDelivery, type Delivery, type Endpoint } from "./slots";
import { signedHeaders, webhookBody } from "./signing";

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

const wants = (events: string[], event: string) => events.includes("*") || events.includes(event);

/**
 * Outbox events -> one delivery per subscribed, enabled endpoint, each with its first job. The
 * worker passes a batch (an import's hundreds of events): one transaction of six statements
 * however many events and endpoints, the deliveries queued in the events' order. Running again
 * is harmless: an event has one delivery per endpoint.
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
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.event.id)! - order.get(b.event.id)!);
    const endpoints = await tx
      .select()
      .from(webhookEndpoints)
      .where(
        and(
          inArray(webhookEndpoints.tenantId, [...new Set(rows.map((r) => r.event.tenantId))]),
          eq(webhookEndpoints.enabled, true),
        ),
      );
    const now = deps.now();
    const values = rows.flatMap(({ event, slug }) => {
      const wanted = endpoints.filter(
        (e) => e.tenantId === event.tenantId && wants(e.events, event.event),
      );
      if (!wanted.length) return [];
      const body = webhookBody({
        id: event.id,
        event: event.event,
        createdAt: event.createdAt,
        tenantSlug: slug,
        apiVersion: event.apiVersion,
        data: event.data,
      });
      return wanted.map((endpoint) => ({
        tenantId: event.tenantId,
        endpointId: endpoint.id,
        eventId: event.id,
        event: event.event,
        body,
        createdAt: now,
      }));
    });
    if (values.length) {
      // One statement for the deliveries and one for their first jobs.
      const deliveries = await tx
        .insert(webhookDeliveries)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
      await deps.jobs.sendManyInTx(
        tx,
        QUEUES.webhookDeliver,
        deliveries.map((d) => ({
          data: { deliveryId: d.id, attempt: 1 },
          group: { id: d.endpointId },
        })),
      );
    }
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

function liveSecrets(deps: EngineDeps, endpoint: Endpoint): string[] {
  const secrets = [decryptSecret(deps.encryptionKey, endpoint.secretSealed)];
  if (
    endpoint.previousSecretSealed &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > deps.now()
  ) {
    secrets.push(decryptSecret(deps.encryptionKey, endpoint.previousSecretSealed));
  }
  return secrets;
}

/** Signs and POSTs a delivery's body now. */
async function send(deps: EngineDeps, delivery: Delivery, endpoint: Endpoint, now: Date) {
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

/** How long a delivery that found no free slot waits before looking again. */
const SLOT_WAIT_MS = 1_000;

/**
 * The worker's job: one attempt, then success, a scheduled retry, or the end of the road. Jobs
 * can run twice after a crash; the attempt number in the job makes a repeat a no-op. A delivery
 * that succeeds costs two statements besides pg-boss's: the claim (lib/webhooks/slots.ts) and one
 * statement that stores the attempt and settles the delivery.
 */
export async function deliver(deps: EngineDeps, job: { deliveryId: string; attempt: number }) {
  const claim = await claimDelivery(deps, job);
  if (claim.outcome === "busy") {
    // Both of the endpoint's slots are taken: look again shortly, without counting an attempt.
    await deps.db.transaction((tx) =>
      deps.jobs.sendInTx(tx, QUEUES.webhookDeliver, job, {
        startAfter: new Date(deps.now().getTime() + SLOT_WAIT_MS),
        group: { id: claim.endpointId },
      }),
    );
    return;
  }
  if (claim.outcome !== "claimed") return;
  const { delivery, endpoint } = claim;
  try {
    const { result, attempt } = await send(deps, delivery, endpoint, deps.now());
    await settle(deps, delivery, endpoint, result, attempt);
  } catch (err) {
    // The slot must not stay taken until its lease runs out; pg-boss retries the job.
    await deps.db
      .update(webhookDeliveries)
      .set({ inFlightUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id))
      .catch(() => {});
    throw err;
  }
}

const param = (name: string) => sql`${sql.placeholder(name)}`;

/** A 2xx to a healthy endpoint: the attempt stored and the delivery settled, built once. */
const successStatement = perDatabase((db) => {
  const attempt = db.$with("attempt").as(
    db.insert(webhookAttempts).values({
      tenantId: param("tenantId"),
      deliveryId: param("deliveryId"),
      number: param("number"),
      requestHeaders: sql`${sql.placeholder("requestHeaders")}::jsonb`,
      responseStatus: param("responseStatus"),
      responseBody: param("responseBody"),
      error: param("error"),
      durationMs: param("durationMs"),
      createdAt: sql`${sql.placeholder("createdAt")}::timestamptz`,
    }),
  );
  return db
    .with(attempt)
    .update(webhookDeliveries)
    .set({
      status: "succeeded",
      attempts: param("number"),
      lastStatusCode: param("responseStatus"),
      nextAttemptAt: null,
      completedAt: sql`${sql.placeholder("completedAt")}::timestamptz`,
      inFlightUntil: null,
    })
    .where(eq(webhookDeliveries.id, sql.placeholder("deliveryId")))
    .returning({ id: webhookDeliveries.id })
    .prepare(statementName("webhook_delivery_succeeded"));
});

/** Stores the attempt and moves the delivery on as its result says, giving back its slot. */
async function settle(
  deps: EngineDeps,
  delivery: Delivery,
  endpoint: Endpoint,
  result: SendResult,
  values: AttemptValues,
) {
  // After the send, not before: a retry waits its step from when the attempt ended.
  const now = deps.now();
  const attempts = delivery.attempts + 1;
  const succeeded = {
    status: "succeeded" as const,
    attempts,
    lastStatusCode: result.status,
    nextAttemptAt: null,
    completedAt: now,
    inFlightUntil: null,
  };
  if (ok(result.status) && !endpoint.failingSince) {
    // The common case, one statement: the attempt and the delivery's new state together.
    const done = await successStatement(deps.db, "success")
      .execute({
        ...values,
        requestHeaders: JSON.stringify(values.requestHeaders),
        createdAt: values.createdAt.toISOString(),
        completedAt: now.toISOString(),
      })
      .then(
        (rows) => rows.length > 0,
        () => false, // stored the careful way below, which tells a gone delivery from a bad reply
      );
    if (done) return;
  }
  if (!(await recordAttempt(deps, values))) return;

  await deps.db.transaction(async (tx) => {
    if (ok(result.status)) {
      await tx
        .update(webhookDeliveries)
        .set(succeeded)
        .where(eq(webhookDeliveries.id, delivery.id));
      // Only a failing endpoint is written: a healthy one is not locked and rewritten per delivery.
      if (endpoint.failingSince)
        await tx
          .update(webhookEndpoints)
          .set({ failingSince: null })
          .where(eq(webhookEndpoints.id, endpoint.id));
      return;
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
      return;
    }
    const nextAt = new Date(now.getTime() + delay);
    await tx
      .update(webhookDeliveries)
      .set({ attempts, lastStatusCode: result.status, nextAttemptAt: nextAt, inFlightUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    await deps.jobs.sendInTx(
      tx,
      QUEUES.webhookDeliver,
      { deliveryId: delivery.id, attempt: attempts + 1 },
      { startAfter: nextAt, group: { id: endpoint.id } },
    );
  });
}
