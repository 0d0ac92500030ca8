import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { sha256Hex } from "@/lib/crypto";
import { AuthenticationError, ConflictError, RateLimitError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/service";
import type { Limiter, LimiterFactory } from "@/lib/limiter";
import { mailLocale, renderMail, storeName } from "@/lib/mail/render";
import type { MailMessage } from "@/lib/mail/transport";
import { users, type MailLocale, type User } from "@/lib/users/schema";
import { hashPassword } from "./password";
import { passwordResets, refreshTokens } from "./schema";

/** "Forgot password" requests: 20 per address and 5 per store+email, each per hour. */
export const RESET_LIMITS = { ip: [20, 3600], account: [5, 3600] } as const;

export function passwordResetLimiters(factory: Pick<LimiterFactory, "create">) {
  return {
    ip: factory.create("password-reset-ip", ...RESET_LIMITS.ip),
    account: factory.create("password-reset-account", ...RESET_LIMITS.account),
  };
}

/** A reset link lasts an hour (docs/email.md). */
export const RESET_TTL_MS = 60 * 60 * 1000;

export interface ResetSettings {
  /** Requests per address, and per store and email (whether or not it has an account). */
  throttle: { ip: Limiter; account: Limiter };
  mailOn: boolean;
  publicUrl: string;
}

async function spend(limiter: Limiter, key: string) {
  try {
    await limiter.consume(key);
  } catch (res) {
    const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
    throw new RateLimitError(
      Math.max(1, Math.ceil(ms / 1000)),
      "Too many password reset requests; try again later",
    );
  }
}

export const mailDisabled = () =>
  new ConflictError(
    "This server does not send email, so passwords cannot be reset by email; ask the store's owner",
    "MAIL_DISABLED",
  );

/**
 * "Forgot password": answers the same whether or not the email has an account (no account
 * enumeration); for an active account it replaces any earlier link with a new one and returns
 * the email to send once this has committed.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  input: { email: string; locale?: MailLocale },
  s: ResetSettings,
): Promise<MailMessage | null> {
  if (!s.mailOn) throw mailDisabled();
  const email = input.email.trim().toLowerCase();
  await spend(s.throttle.ip, ctx.ip);
  await spend(s.throttle.account, `${ctx.tenant.id}:${email}`);
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.email, email)))
    .limit(1);
  if (!user || user.status !== "active" || !user.passwordHash) return null;

  const token = `bsr_${randomBytes(32).toString("base64url")}`;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // One live link per person: asking again ends the earlier one.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tenantId, ctx.tenant.id),
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
        ),
      );
    await tx.insert(passwordResets).values({
      tenantId: ctx.tenant.id,
      userId: user.id,
      tokenHash: sha256Hex(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    await recordAudit(tx, ctx, {
      action: "auth.password_reset_requested",
      actorId: user.id,
      resourceType: "user",
      resourceId: user.id,
    });
  });
  // The language the page was in when they asked, else the one they last used.
  const locale = mailLocale(input.locale, user.locale, ctx.tenant.defaultLocale);
  const url = new URL(`/${locale}/reset-password`, s.publicUrl);
  url.searchParams.set("store", ctx.tenant.slug);
  url.searchParams.set("token", token);
  return renderMail({
    kind: "passwordReset",
    locale,
    to: user.email,
    values: { store: storeName(ctx.tenant, locale), email: user.email },
    action: { url: url.toString() },
  });
}

const invalidReset = () =>
  new AuthenticationError(
    "This password reset link is invalid, used or expired; ask for a new one",
    "RESET_TOKEN_INVALID",
  );

async function findOpenReset(ctx: ServiceContext, token: string) {
  const [row] = await ctx.db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tenantId, ctx.tenant.id),
        eq(passwordResets.tokenHash, sha256Hex(token)),
      ),
    )
    .limit(1);
  if (!row || row.reset.usedAt || row.reset.expiresAt <= ctx.now() || row.user.status !== "active")
    throw invalidReset();
  return row;
}

/**
 * Sets the new password from a reset link: the link works once; every session of the person
 * (their refresh tokens) ends, so whoever knew the old password is signed out. Returns the
 * "your password was changed" email to send once this has committed.
 */
export async function confirmPasswordReset(
  ctx: ServiceContext,
  input: { token: string; password: string; locale?: MailLocale },
  publicUrl: string,
): Promise<{ user: User; mail: MailMessage }> {
  // The token first: a bogus one must not cost an argon2 hash.
  await findOpenReset(ctx, input.token);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const user = await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tenantId, ctx.tenant.id),
          eq(passwordResets.tokenHash, sha256Hex(input.token)),
          isNull(passwordResets.usedAt),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!claimed.length) throw invalidReset();
    const [updated] = await tx
      .update(users)
      // Holding the link proves the mailbox: the page's language becomes theirs.
      .set({ passwordHash, updatedAt: now, ...(input.locale ? { locale: input.locale } : {}) })
      .where(and(eq(users.tenantId, ctx.tenant.id), eq(users.id, claimed[0]!.userId)))
      .returning();
    await tx
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(refreshTokens.tenantId, ctx.tenant.id),
          eq(refreshTokens.userId, updated!.id),
          isNull(refreshTokens.revokedAt),
        ),
      );
    await recordAudit(tx, ctx, {
      action: "auth.password_reset",
      actorId: updated!.id,
      resourceType: "user",
      resourceId: updated!.id,
    });
    return updated!;
  });
  const locale = mailLocale(user.locale, ctx.tenant.defaultLocale);
  const mail = renderMail({
    kind: "passwordChanged",
    locale,
    to: user.email,
    values: { store: storeName(ctx.tenant, locale), email: user.email },
    action: { url: new URL(`/${locale}/login`, publicUrl).toString() },
  });
  return { user, mail };
}
