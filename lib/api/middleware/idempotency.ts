import { and, eq, lt } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { ConflictError, ValidationError, BadRequestError } from "@/lib/errors";
import { idempotencyKeys } from "../schema";
import type { ApiEnv } from "../env";
import { createHash } from "node:crypto";
import { sha256Hex } from "@/lib/crypto";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 3600 * 1000;

/**
 * POST with an Idempotency-Key: the first response (anything but a 5xx or a 429) is stored and
 * replayed for the same key; the same key with a different body is a 422; a retry that arrives
 * while the first is still running gets 409 and may try again. Keys live 24 hours.
 */
export const idempotency = createMiddleware<ApiEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new BadRequestError(
      "Idempotency-Key must be 1-255 visible ASCII characters",
      "IDEMPOTENCY_KEY_INVALID",
      422,
    );
  }
  const { db, now } = c.var.deps;
  const scope = `${c.req.header("x-tenant-id") ?? "-"}:${sha256Hex(c.req.header("authorization") ?? "").slice(0, 32)}`;
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
    .values({ scope, key, requestHash })
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
    if (existing.statusCode === null) {
      c.header("Retry-After", "1");
      throw new ConflictError(
        "A request with this Idempotency-Key is in progress; retry shortly",
        "IDEMPOTENCY_IN_PROGRESS",
      );
    }
    c.header("Idempotent-Replayed", "true");
    return c.body(existing.responseBody ?? "", existing.statusCode as 200, {
      "Content-Type": existing.contentType ?? "application/json",
    });
  }

  try {
    await next();
  } catch (err) {
    await db.delete(idempotencyKeys).where(where);
    throw err;
  }
  const status = c.res.status;
  if (status >= 500 || status === 429) {
    await db.delete(idempotencyKeys).where(where);
    return;
  }
  await db
    .update(idempotencyKeys)
    .set({
      statusCode: status,
      responseBody: await c.res.clone().text(),
      contentType: c.res.headers.get("content-type"),
      completedAt: now(),
    })
    .where(where);
});
