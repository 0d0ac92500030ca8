import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto";
import { outboxEvents } from "@/lib/events/schema";
import { QUEUES, type JobSender } from "@/lib/jobs/queue";
import { log } from "@/lib/log";
import { tenants } from "@/lib/tenants/schema";
import { disableEndpoint } from "./disable";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "./schema";
import { sendWebhook, type SendResult } from "./sender";
import { claimSlot } from "./slots";
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

/** An outbox event -> one delivery per subscribed, enabled endpoint, each with its first job. */
export async function fanOut(deps: EngineDeps, eventId: string) {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ event: outboxEvents, slug: tenants.slug })
      .from(outboxEvents)
      .innerJoin(tenants, eq(tenants.id, outboxEvents.tenantId))
      .where(eq(outboxEvents.id, eventId));
    if (!row) return;
    const { event } = row;
    const endpoints = await tx
      .select()
      .from(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.tenantId, event.tenantId), eq(webhookEndpoints.enabled, true)),
      );
    const body = webhookBody({
      id: event.id,
      event: event.event,
      createdAt: event.createdAt,
      tenantSlug: row.slug,
      apiVersion: event.apiVersion,
      data: event.data,
    });
    for (const endpoint of endpoints.filter((e) => wants(e.events, event.event))) {
      const [delivery] = await tx
        .insert(webhookDeliveries)
        .values({
          tenantId: event.tenantId,
          endpointId: endpoint.id,
          eventId: event.id,
          event: event.event,
          body,
          createdAt: deps.now(),
        })
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      if (delivery)
        await deps.jobs.sendInTx(
          tx,
          QUEUES.webhookDeliver,
          { deliveryId: delivery.id, attempt: 1 },
          { group: { id: endpoint.id } },
        );
    }
    await tx
      .update(outboxEvents)
      .set({ dispatchedAt: deps.now() })
      .where(eq(outboxEvents.id, event.id));
  });
}

function liveSecrets(deps: EngineDeps, endpoint: typeof webhookEndpoints.$inferSelect): string[] {
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

/** Sends one attempt now and records it; used by the worker, "send test event" and resend. */
export async function attemptDelivery(deps: EngineDeps, deliveryId: string) {
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return undefined;
  const { delivery, endpoint } = row;
  const now = deps.now();
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
  const values = {
    tenantId: delivery.tenantId,
    deliveryId,
    number: delivery.attempts + 1,
    requestHeaders: headers,
    responseStatus: result.status,
    responseBody: result.body,
    error: result.error,
    durationMs: result.durationMs,
    createdAt: now,
  };
  const record = async (v: typeof values) =>
    (await deps.db.insert(webhookAttempts).values(v).returning())[0]!;
  let attempt: typeof webhookAttempts.$inferSelect;
  try {
    attempt = await record(values);
  } catch (err) {
    // Deleted while we were sending (its endpoint was removed): nothing is left to record.
    const [still] = await deps.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!still) return undefined;
    // The POST happened: failing here would make the worker send it again and leave the
    // delivery unscheduled. Keep what is ours and a note instead of the receiver's reply.
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    log.warn("webhook attempt not recorded in full", {
      delivery: deliveryId,
      error: cause instanceof Error ? cause.message : String(cause),
    });
    attempt = await record({ ...values, responseBody: null, error: UNRECORDED_REPLY });
  }
  return { delivery, endpoint, result, attempt };
}

const UNRECORDED_REPLY = "The receiver's reply could not be recorded";

const ok = (status: number | null) => status !== null && status >= 200 && status < 300;

/** How long a delivery that found no free slot waits before looking again. */
const SLOT_WAIT_MS = 1_000;

/**
 * The worker's job: one attempt, then success, a scheduled retry, or the end of the road. Jobs
 * can run twice after a crash; the attempt number in the job makes a repeat a no-op.
 */
export async function deliver(deps: EngineDeps, job: { deliveryId: string; attempt: number }) {
  const [found] = await deps.db
    .select({ current: webhookDeliveries, enabled: webhookEndpoints.enabled })
    .from(webhookDeliveries)
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, job.deliveryId));
  const current = found?.current;
  if (!current || current.status !== "pending" || current.attempts >= job.attempt) return;
  if (!found.enabled) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: "cancelled", completedAt: deps.now() })
      .where(eq(webhookDeliveries.id, current.id));
    return;
  }
  if (!(await claimSlot(deps, current.endpointId, current.id))) {
    // Both of the endpoint's slots are taken: look again shortly, without counting an attempt.
    await deps.db.transaction((tx) =>
      deps.jobs.sendInTx(tx, QUEUES.webhookDeliver, job, {
        startAfter: new Date(deps.now().getTime() + SLOT_WAIT_MS),
        group: { id: current.endpointId },
      }),
    );
    return;
  }
  let sent: Awaited<ReturnType<typeof attemptDelivery>>;
  try {
    sent = await attemptDelivery(deps, job.deliveryId);
  } finally {
    await deps.db
      .update(webhookDeliveries)
      .set({ inFlightUntil: null })
      .where(eq(webhookDeliveries.id, current.id));
  }
  if (!sent) return;
  const { endpoint, result } = sent;
  const now = deps.now();
  const attempts = current.attempts + 1;

  await deps.db.transaction(async (tx) => {
    if (ok(result.status)) {
      await tx
        .update(webhookDeliveries)
        .set({
          status: "succeeded",
          attempts,
          lastStatusCode: result.status,
          nextAttemptAt: null,
          completedAt: now,
        })
        .where(eq(webhookDeliveries.id, current.id));
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
        })
        .where(eq(webhookDeliveries.id, current.id));
      if (gone || tooLong)
        await disableEndpoint(tx, deps, endpoint.id, gone ? "receiver_gone" : "failing_for_5_days");
      return;
    }
    const nextAt = new Date(now.getTime() + delay);
    await tx
      .update(webhookDeliveries)
      .set({ attempts, lastStatusCode: result.status, nextAttemptAt: nextAt })
      .where(eq(webhookDeliveries.id, current.id));
    await deps.jobs.sendInTx(
      tx,
      QUEUES.webhookDeliver,
      { deliveryId: current.id, attempt: attempts + 1 },
      { startAfter: nextAt, group: { id: endpoint.id } },
    );
  });
}
