import { and, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { AuthenticationError, PermissionError, RateLimitError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/service";
import { users, type User } from "@/lib/users/schema";
import type { Limiter } from "@/lib/limiter";
import { sha256Hex } from "@/lib/crypto";
import { refreshTokens } from "./schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import { newRefreshToken, signAccessToken } from "./tokens";

export interface AuthSettings {
  secret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Failed sign-ins counted per account (tenant + email) and per client address. */
  throttle: { account: Limiter; ip: Limiter };
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const invalidRefresh = () =>
  new AuthenticationError("The refresh token is invalid or has expired; sign in again", "AUTH_003");

async function assertNotThrottled(limiter: Limiter, key: string) {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) {
    throw new RateLimitError(
      Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      "Too many failed sign-in attempts; try again later",
    );
  }
}

async function countFailure(limiter: Limiter, key: string) {
  await limiter.consume(key).catch(() => {}); // already over the limit: nothing more to count
}

export async function issueTokens(
  db: Db,
  ctx: ServiceContext,
  user: User,
  familyId: string,
  s: AuthSettings,
): Promise<IssuedTokens> {
  const now = ctx.now();
  const refreshToken = newRefreshToken();
  await db.insert(refreshTokens).values({
    tenantId: ctx.tenant.id,
    userId: user.id,
    familyId,
    tokenHash: sha256Hex(refreshToken),
    expiresAt: new Date(now.getTime() + s.refreshTtlSeconds * 1000),
  });
  const accessToken = await signAccessToken(
    s.secret,
    { userId: user.id, tenantId: ctx.tenant.id, role: user.role, sessionId: familyId },
    s.accessTtlSeconds,
    now,
  );
  return { accessToken, refreshToken, expiresIn: s.accessTtlSeconds, user };
}

export async function login(
  ctx: ServiceContext,
  input: { email: string; password: string },
  s: AuthSettings,
): Promise<IssuedTokens> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `${ctx.tenant.id}:${email}`;
  await assertNotThrottled(s.throttle.account, accountKey);
  await assertNotThrottled(s.throttle.ip, ctx.ip);

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.email, email)))
    .limit(1);
  // Always run one argon2 verification, so an unknown email costs what a wrong password costs.
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !passwordOk || user.status !== "active") {
    await Promise.all([
      countFailure(s.throttle.account, accountKey),
      countFailure(s.throttle.ip, ctx.ip),
    ]);
    await recordAudit(ctx.db, ctx, {
      action: "auth.login_failed",
      actorId: user?.id,
      metadata: { email },
    });
    throw new AuthenticationError("Invalid email or password", "AUTH_002");
  }
  await s.throttle.account.delete(accountKey);

  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ lastLoginAt: ctx.now() })
      .where(and(eq(users.id, user.id), eq(users.tenantId, ctx.tenant.id)))
      .returning();
    const tokens = await issueTokens(tx, ctx, updated ?? user, randomUUID(), s);
    await recordAudit(tx, ctx, {
      action: "auth.login",
      actorId: user.id,
      resourceType: "user",
      resourceId: user.id,
    });
    return tokens;
  });
}

async function revokeFamily(db: Db, tenantId: string, familyId: string, now: Date) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(refreshTokens.tenantId, tenantId),
        eq(refreshTokens.familyId, familyId),
        isNull(refreshTokens.revokedAt),
      ),
    );
}

/**
 * Trades a refresh token for a new pair. Each token works once: a second use means it was copied,
 * so the whole family (every token of that sign-in) is revoked and the caller must sign in again.
 */
export async function refresh(
  ctx: ServiceContext,
  input: { refreshToken: string },
  s: AuthSettings,
): Promise<IssuedTokens> {
  const now = ctx.now();
  const [row] = await ctx.db
    .select({ token: refreshTokens, user: users })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .where(eq(refreshTokens.tokenHash, sha256Hex(input.refreshToken)))
    .limit(1);
  if (!row) throw invalidRefresh();
  const { token, user } = row;
  if (token.tenantId !== ctx.tenant.id) {
    throw new PermissionError("This token belongs to another store", "TENANT_MISMATCH");
  }
  if (token.revokedAt) throw invalidRefresh();

  const reuseDetected = async () => {
    await revokeFamily(ctx.db, ctx.tenant.id, token.familyId, now);
    await recordAudit(ctx.db, ctx, {
      action: "auth.refresh_reuse_detected",
      actorId: user.id,
      resourceType: "session",
      resourceId: token.familyId,
    });
    return new AuthenticationError(
      "This refresh token was already used; the session has been revoked, sign in again",
      "AUTH_004",
    );
  };
  if (token.usedAt) throw await reuseDetected();
  if (token.expiresAt <= now || user.status !== "active") throw invalidRefresh();

  const result = await ctx.db.transaction(async (tx) => {
    // The conditional update is the lock: of two concurrent uses, exactly one wins.
    const claimed = await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(refreshTokens.id, token.id),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
        ),
      )
      .returning({ id: refreshTokens.id });
    if (claimed.length === 0) return undefined;
    return issueTokens(tx, ctx, user, token.familyId, s);
  });
  if (!result) throw await reuseDetected();
  return result;
}

/** Revokes the session: the family of the given refresh token, or the caller's own session. */
export async function logout(ctx: ServiceContext, input: { refreshToken?: string }): Promise<void> {
  const now = ctx.now();
  let familyId: string | undefined;
  if (input.refreshToken) {
    const [row] = await ctx.db
      .select({ familyId: refreshTokens.familyId })
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.tokenHash, sha256Hex(input.refreshToken)),
          eq(refreshTokens.tenantId, ctx.tenant.id),
        ),
      )
      .limit(1);
    familyId = row?.familyId;
  } else if (ctx.actor?.type === "user") {
    familyId = ctx.actor.sessionId;
  }
  if (!familyId) return; // nothing to revoke; signing out twice is not an error
  await ctx.db.transaction(async (tx) => {
    await revokeFamily(tx, ctx.tenant.id, familyId, now);
    await recordAudit(tx, ctx, {
      action: "auth.logout",
      resourceType: "session",
      resourceId: familyId,
    });
  });
}

export async function me(ctx: ServiceContext): Promise<User> {
  if (ctx.actor?.type !== "user") throw new AuthenticationError();
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, ctx.actor.userId), eq(users.tenantId, ctx.tenant.id)))
    .limit(1);
  if (!user || user.status !== "active") {
    throw new AuthenticationError("This account is no longer active", "AUTH_003");
  }
  return user;
}
