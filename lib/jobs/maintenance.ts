import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { idempotencyKeys } from "@/lib/api/platform/schema";
import { passwordResets, refreshTokens } from "@/lib/auth/schema";

/**
 * Deletes what has outlived its use: stored idempotent replies after 24 hours, and refresh
 * tokens a week after they expired or were revoked (kept that long for reuse detection), and
 * password reset links a day after they expired (used ones expire within the hour too).
 */
export async function cleanUp(db: Db, now: Date) {
  const day = 86_400_000;
  const keys = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - day)))
    .returning({ key: idempotencyKeys.key });
  const weekAgo = new Date(now.getTime() - 7 * day);
  const tokens = await db
    .delete(refreshTokens)
    .where(
      or(
        lt(refreshTokens.expiresAt, weekAgo),
        and(isNotNull(refreshTokens.revokedAt), lt(refreshTokens.revokedAt, weekAgo)),
      ),
    )
    .returning({ id: refreshTokens.id });
  const resets = await db
    .delete(passwordResets)
    .where(lt(passwordResets.expiresAt, new Date(now.getTime() - day)))
    .returning({ id: passwordResets.id });
  return {
    idempotencyKeys: keys.length,
    refreshTokens: tokens.length,
    passwordResets: resets.length,
  };
}
