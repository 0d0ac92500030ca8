import { outsideTenantScope } from "@/lib/db/tenant-scope";
import { and, eq, gte, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { AuthenticationError, PermissionError, RateLimitError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/service";
import { auditLog } from "@/lib/audit/schema";
import { users, type DisplayPreferences, type MailLocale, type User } from "@/lib/users/schema";
import type { Limiter } from "@/lib/limiter";
import { sha256Hex } from "@/lib/crypto";
import { refreshTokens } from "./schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import { newRefreshToken, signAccessToken } from "./tokens";

export interface AuthSettings {
  secret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /**
   * Failed sign-ins counted per account and address, per account (a looser limit that known
   * addresses pass), and per address (docs/decisions/0007-access-throttling.md).
   */
  throttle: { accountIp: Limiter; account: Limiter; ip: Limiter };
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

const invalidRefresh = () =>
  new AuthenticationError("The refresh token is invalid or has expired; sign in again", "AUTH_003");

/** The 429 to answer while `key` is over its limit, if it is. */
async function overLimit(limiter: Limiter, key: string): Promise<RateLimitError | undefined> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) {
    return new RateLimitError(
      Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      "Too many failed attempts; try again later",
    );
  }
}

async function assertNotThrottled(limiter: Limiter, key: string) {
  const blocked = await overLimit(limiter, key);
  if (blocked) throw blocked;
}

async function countFailure(limiter: Limiter, key: string) {
  await limiter.consume(key).catch(() => {}); // already over the limit: nothing more to count
}

/**
 * Runs an attempt with a credential other than a password (an invitation's token) under the
 * sign-in budget of the client's address: refused while over it, an authentication failure counts.
 */
export async function throttledByAddress<T>(
  ctx: ServiceContext,
  s: AuthSettings,
  attempt: () => Promise<T>,
): Promise<T> {
  await assertNotThrottled(s.throttle.ip, ctx.ip);
  try {
    return await attempt();
  } catch (err) {
    if (err instanceof AuthenticationError) await countFailure(s.throttle.ip, ctx.ip);
    throw err;
  }
}

const KNOWN_ADDRESS_DAYS = 30;

/** Whether the user signed in from the caller's address in the last 30 days (audit log). */
async function signedInFromHere(ctx: ServiceContext, userId: string): Promise<boolean> {
  const since = new Date(ctx.now().getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  const [row] = await ctx.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenant.id),
        gte(auditLog.createdAt, since),
        eq(auditLog.action, "auth.login"),
        eq(auditLog.actorId, userId),
        eq(auditLog.ip, ctx.ip),
      ),
    )
    .limit(1);
  return row !== undefined;
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

/**
 * The password check of signing in, throttled and audited as a failed sign-in: also what a staff
 * app's /authorise runs (lib/apps), so a wrong password there is the same error under the same
 * budget. Returns the active member the email and password name.
 */
export async function checkPassword(
  ctx: ServiceContext,
  input: { email: string; password: string },
  s: Pick<AuthSettings, "throttle">,
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `${ctx.tenant.id}:${email}`;
  const pairKey = `${accountKey}|${ctx.ip}`;
  await assertNotThrottled(s.throttle.accountIp, pairKey);
  await assertNotThrottled(s.throttle.ip, ctx.ip);

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.email, email)))
    .limit(1);
  // Failures from many addresses hold the account back, except from an address it signed in
  // from before: an attacker cannot lock the owner out of their usual place.
  const accountBlocked = await overLimit(s.throttle.account, accountKey);
  if (accountBlocked && !(await signedInFromHere(ctx, user?.id ?? ""))) throw accountBlocked;
  // Always run one argon2 verification, so an unknown email costs what a wrong password costs.
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !passwordOk || user.status !== "active") {
    await Promise.all([
      countFailure(s.throttle.accountIp, pairKey),
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
  await s.throttle.accountIp.delete(pairKey);
  return user;
}

export async function login(
  ctx: ServiceContext,
  input: { email: string; password: string; locale?: MailLocale },
  s: AuthSettings,
): Promise<IssuedTokens> {
  const user = await checkPassword(ctx, input, s);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ lastLoginAt: ctx.now(), ...(input.locale ? { locale: input.locale } : {}) })
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
  // Looked up among every store's tokens, so that another store's token is told apart (403).
  const [row] = await outsideTenantScope(() =>
    ctx.db
      .select({ token: refreshTokens, user: users })
      .from(refreshTokens)
      .innerJoin(users, eq(users.id, refreshTokens.userId))
      .where(eq(refreshTokens.tokenHash, sha256Hex(input.refreshToken)))
      .limit(1),
  );
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

/** The preferences with every key filled: Latin digits and the Gregorian calendar by default. */
export function displayPreferences(user: Pick<User, "preferences">): Required<DisplayPreferences> {
  return {
    digits: user.preferences.digits ?? "latn",
    calendar: user.preferences.calendar ?? "gregory",
  };
}

/**
 * The signed-in person changes how the admin shows them numbers and dates. Their own setting,
 * so any role may; an API key or app has no person to hold it.
 */
export async function updatePreferences(
  ctx: ServiceContext,
  change: DisplayPreferences,
): Promise<Required<DisplayPreferences>> {
  if (ctx.actor && ctx.actor.type !== "user") {
    throw new PermissionError(
      "Display preferences belong to a signed-in person; an API key or app has none",
      "USER_SESSION_REQUIRED",
    );
  }
  const user = await me(ctx);
  const next = { ...displayPreferences(user), ...change };
  await ctx.db
    .update(users)
    .set({ preferences: next, updatedAt: new Date() })
    .where(and(eq(users.id, user.id), eq(users.tenantId, ctx.tenant.id)));
  return next;
}
