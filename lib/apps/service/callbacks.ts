import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto";
import { QUEUES, type JobSender } from "@/lib/jobs/queue";
import { nextDelayMs, type EngineDeps } from "@/lib/webhooks/engine";
import { sendWebhook } from "@/lib/webhooks/sender";
import { signedHeaders } from "@/lib/webhooks/signing";
import {
  appCallbackAttempts,
  appCallbacks,
  appInstalls,
  apps,
  developers,
  type CallbackEvent,
} from "../schema";
import { unseal, type AppsSettings } from "./shared";

/**
 * Queues a POST to the app's install callback URL in the transaction of the install or
 * uninstall: it is sent after the commit and retried on the webhook schedule until it succeeds.
 * The body is `{id, event, ...payload}`, serialized once (docs/apps.md, "Callbacks").
 */
export async function queueCallback(
  tx: Db,
  jobs: JobSender | undefined,
  s: AppsSettings,
  input: {
    installId: string;
    tenantId: string;
    url: string;
    event: CallbackEvent;
    payload: Record<string, unknown>;
    now: Date;
  },
) {
  const id = crypto.randomUUID();
  const body = JSON.stringify({ id, event: input.event, ...input.payload });
  await tx.insert(appCallbacks).values({
    id,
    installId: input.installId,
    tenantId: input.tenantId,
    event: input.event,
    url: input.url,
    bodySealed: encryptSecret(s.encryptionKey, body),
    createdAt: input.now,
  });
  await jobs?.sendInTx(tx, QUEUES.appCallback, { callbackId: id, attempt: 1 });
}

type CallbackDeps = Omit<EngineDeps, "jobs"> & { jobs: JobSender };

/**
 * The worker's job: one attempt, signed with the developer's current secret as a webhook is
 * (X-Webhook-Signature and the Standard Webhooks headers), then success, a retry, or failure.
 * A repeat of a job already done (after a crash) is a no-op, as for webhook deliveries.
 */
export async function deliverCallback(
  deps: CallbackDeps,
  job: { callbackId: string; attempt: number },
) {
  const [found] = await deps.db
    .select({ callback: appCallbacks, secretSealed: developers.secretSealed })
    .from(appCallbacks)
    .innerJoin(appInstalls, eq(appInstalls.id, appCallbacks.installId))
    .innerJoin(apps, eq(apps.id, appInstalls.appId))
    .innerJoin(developers, eq(developers.id, apps.developerId))
    .where(eq(appCallbacks.id, job.callbackId));
  if (!found) return;
  const { callback } = found;
  if (callback.status !== "pending" || callback.attempts >= job.attempt) return;

  const body = unseal(deps, callback.bodySealed);
  const now = deps.now();
  const headers = signedHeaders({
    secrets: [unseal(deps, found.secretSealed)],
    messageId: callback.id,
    event: callback.event,
    body,
    timestamp: now,
  });
  const result = await sendWebhook(callback.url, headers, body, deps.allowPrivate, deps.timeoutMs);
  const attempts = callback.attempts + 1;
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const delay = ok ? undefined : nextDelayMs(attempts, result, deps.schedule, deps.random);
  const nextAt = delay === undefined ? null : new Date(now.getTime() + delay);

  await deps.db.transaction(async (tx) => {
    await tx.insert(appCallbackAttempts).values({
      callbackId: callback.id,
      tenantId: callback.tenantId,
      number: attempts,
      requestHeaders: headers,
      responseStatus: result.status,
      responseBody: result.body,
      error: result.error,
      durationMs: result.durationMs,
      createdAt: now,
    });
    await tx
      .update(appCallbacks)
      .set({
        attempts,
        lastStatusCode: result.status,
        status: ok ? "succeeded" : nextAt ? "pending" : "failed",
        nextAttemptAt: nextAt,
        completedAt: ok || !nextAt ? now : null,
      })
      .where(eq(appCallbacks.id, callback.id));
    if (nextAt)
      await deps.jobs.sendInTx(
        tx,
        QUEUES.appCallback,
        { callbackId: callback.id, attempt: attempts + 1 },
        { startAfter: nextAt },
      );
  });
}

/** A store's callbacks for some installs, newest first, each with its attempts. */
export async function callbacksOf(db: Db, tenantId: string, installIds: string[]) {
  if (installIds.length === 0) return [];
  const rows = await db
    .select()
    .from(appCallbacks)
    .where(and(eq(appCallbacks.tenantId, tenantId), inArray(appCallbacks.installId, installIds)))
    .orderBy(desc(appCallbacks.createdAt))
    .limit(50);
  const attempts = rows.length
    ? await db
        .select()
        .from(appCallbackAttempts)
        .where(
          inArray(
            appCallbackAttempts.callbackId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(appCallbackAttempts.number)
    : [];
  return rows.map((row) => ({
    id: row.id,
    event: row.event,
    url: row.url,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
    last_status_code: row.lastStatusCode,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    attempt_log: attempts
      .filter((a) => a.callbackId === row.id)
      .map((a) => ({
        number: a.number,
        request_headers: a.requestHeaders,
        response_status: a.responseStatus,
        response_body: a.responseBody,
        error: a.error,
        duration_ms: a.durationMs,
        created_at: a.createdAt.toISOString(),
      })),
  }));
}
