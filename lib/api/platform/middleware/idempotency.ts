import { and, eq, isNull, lt } from "drizzle-orm";
import type { Context, Next } from "hono";
import { ConflictError, ValidationError, BadRequestError } from "@/lib/errors";
import { actorId } from "@/lib/context";
import { log } from "@/lib/log";
import { idempotencyKeys } from "../schema";
import type { ApiEnv } from "../env";
import { createHash } from "node:crypto";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 3600 * 1000;
const DEFAULT_LEASE_SECONDS = 30;

/**
 * POST with an Idempotency-Key: the first response (anything but a 5xx or a 429) is stored and
 * replayed for the same key; the same key with a different body is a 422; a retry that arrives
 * while the first is still running gets 409 and may try again. Keys live 24 hours.
 * The running request renews its claim; a claim nobody renewed for the lease (its process was
 * killed) is taken over by the next retry, which runs the request again (docs/operations.md).
 * Run by authenticate: keys are scoped by the store and the caller (user or API key id), so a
 * refreshed token or another spelling of X-Tenant-ID replays (docs/api.md, Idempotency-Key).
 */
export async function idempotency(c: Context<ApiEnv>, next: Next) {
  const key = c.req.header("idempotency-key");
  // Replies that carry secrets are never stored: a module marks those routes (../module.ts).
  if (c.req.method !== "POST" || key === undefined || c.var.routeRules?.holdsSecrets) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new BadRequestError(
      "Idempotency-Key must be 1-255 visible ASCII characters",
      "IDEMPOTENCY_KEY_INVALID",
      422,
    );
  }
  const { db, now, config } = c.var.deps;
  const leaseMs = (config.idempotencyLeaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  const { actor } = c.var;
  const caller =
    actor.type === "app"
      ? `app:${actor.appRef}:${actor.staffUserId ?? "account"}`
      : `${actor.type === "user" ? "user" : "key"}:${actorId(actor)}`;
  const scope = `${c.var.tenant.id}:${caller}`;
  // Hash the raw bytes: reading a binary body (an upload) as text would corrupt it for the handler.
  const body = new Uint8Array(await c.req.arrayBuffer());
  const requestHash = createHash("sha256")
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(body)
    .digest("hex");
  const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

  // An expired key starts over as a first request.
  await db
    .delete(idempotencyKeys)
    .where(and(where, lt(idempotencyKeys.createdAt, new Date(now().getTime() - RETENTION_MS))));
  const inserted = await db
    .insert(idempotencyKeys)
    // The API's clock, as the lease and the retention compare against it.
    .values({ scope, key, requestHash, createdAt: now() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [existing] = await db.select().from(idempotencyKeys).where(where).limit(1);
    if (!existing)
      throw new ConflictError(
        "A request with this Idempotency-Key is in progress; retry shortly",
        "IDEMPOTENCY_IN_PROGRESS",
      );
    if (existing.requestHash !== requestHash) {
      throw new ValidationError(
        "This Idempotency-Key was used with a different request",
        [],
        "IDEMPOTENCY_KEY_REUSED",
      );
    }
    if (existing.statusCode !== null) {
      c.header("Idempotent-Replayed", "true");
      return c.body(existing.responseBody ?? "", existing.statusCode as 200, {
        "Content-Type": existing.contentType ?? "application/json",
      });
    }
    // In progress, unless its holder stopped renewing it: then this retry takes it over.
    // One retry wins: the update refreshes the claim, so a second finds it fresh.
    const taken = await db
      .update(idempotencyKeys)
      .set({ createdAt: now() })
      .where(
        and(
          where,
          isNull(idempotencyKeys.statusCode),
          lt(idempotencyKeys.createdAt, new Date(now().getTime() - leaseMs)),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    if (taken.length === 0) {
      c.header("Retry-After", String(Math.min(5, Math.ceil(leaseMs / 1000))));
      throw new ConflictError(
        "A request with this Idempotency-Key is in progress; retry shortly",
        "IDEMPOTENCY_IN_PROGRESS",
      );
    }
  }

  // While this request runs, its claim stays fresh; killed, it lapses after the lease.
  const renewal = setInterval(
    () =>
      void db
        .update(idempotencyKeys)
        .set({ createdAt: now() })
        .where(and(where, isNull(idempotencyKeys.statusCode)))
        .catch(() => {}),
    leaseMs / 3,
  );
  renewal.unref();
  const release = async () => {
    clearInterval(renewal);
    await db.delete(idempotencyKeys).where(where);
  };
  try {
    await next();
  } catch (err) {
    await release();
    throw err;
  }
  const status = c.res.status;
  if (status >= 500 || status === 429) {
    await release();
    return;
  }
  const contentType = c.res.headers.get("content-type");
  const store = async (responseBody: string) => {
    clearInterval(renewal);
    await db
      .update(idempotencyKeys)
      .set({ statusCode: status, responseBody, contentType, completedAt: now() })
      .where(where);
  };
  // A streamed reply (the import's NDJSON progress) goes out as it is produced and is stored
  // when it ends; until then a retry gets 409.
  if (c.res.body && contentType?.startsWith("application/x-ndjson")) {
    const [toClient, toStore] = c.res.body.tee();
    c.res = new Response(toClient, c.res);
    void new Response(toStore)
      .text()
      .then(store)
      .catch(async (err: unknown) => {
        log.error("idempotency: storing a streamed reply failed", { err });
        await release();
      })
      .catch(() => {});
    return;
  }
  clearInterval(renewal); // even if reading the reply fails: the claim then lapses
  await store(await c.res.clone().text());
}
