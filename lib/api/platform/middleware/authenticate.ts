import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { APP_HEADERS, verifyAppCall } from "@/lib/apps/service";
import { AuthenticationError, PermissionError, RateLimitError } from "@/lib/errors";
import { verifyAccessToken } from "@/lib/auth/tokens";
import { looksLikeApiKey } from "@/lib/api-keys/format";
import { verifyApiKey } from "@/lib/api-keys/service";
import { RateLimiterRes } from "@/lib/limiter";
import type { ApiEnv } from "../env";
import { bearerToken, setLimitHeaders } from "./platform";
import { idempotency } from "./idempotency";

/** Each key and each app install has its own budget; the headers then describe that budget. */
async function consumeKeyBudget(c: Context<ApiEnv>, bucket: string) {
  const { deps } = c.var;
  const limit = deps.config.rateLimit.keyPoints;
  try {
    setLimitHeaders(c, limit, await deps.limiters.apiKey.consume(bucket));
  } catch (rejected) {
    if (!(rejected instanceof RateLimiterRes)) throw rejected;
    setLimitHeaders(c, limit, rejected);
    throw new RateLimitError(Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)));
  }
}

/** A third-party app's call: the app headers instead of a bearer token (docs/apps.md). */
async function authenticateApp(c: Context<ApiEnv>, next: Next) {
  const { deps, tenant } = c.var;
  const actor = await verifyAppCall(deps.db, deps.webhooks, tenant.id, {
    developerRef: c.req.header(APP_HEADERS.developerRef),
    appRef: c.req.header(APP_HEADERS.appRef),
    accountToken: c.req.header(APP_HEADERS.accountToken),
    staffToken: c.req.header(APP_HEADERS.staffToken),
  });
  await consumeKeyBudget(c, `app:${actor.installId}`);
  c.set("actor", actor);
  return idempotency(c, next);
}

/**
 * Requires a valid credential for the tenant named in X-Tenant-ID: an access token from sign-in
 * or an API key, or a third-party app's headers. A credential of another tenant is refused with 403 and never reaches a handler.
 * Then Idempotency-Key, which needs the caller's identity (./idempotency.ts).
 */
export const authenticate = createMiddleware<ApiEnv>(async (c, next) => {
  if (c.req.header(APP_HEADERS.appRef) !== undefined || c.req.header(APP_HEADERS.developerRef))
    return authenticateApp(c, next);
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw new AuthenticationError();
  const { deps, tenant } = c.var;
  const now = deps.now();

  if (looksLikeApiKey(token)) {
    const actor = await verifyApiKey(deps.db, tenant.id, token, now);
    await consumeKeyBudget(c, actor.keyId);
    deps.keyUsage.touch(actor.keyId, now);
    c.set("actor", actor);
    return idempotency(c, next);
  }

  const claims = await verifyAccessToken(deps.config.authSecret, token, now);
  if (!claims)
    throw new AuthenticationError("The access token is invalid or has expired", "AUTH_003");
  if (claims.tenantId !== tenant.id) {
    throw new PermissionError("This token belongs to another store", "TENANT_MISMATCH");
  }
  c.set("actor", {
    type: "user",
    userId: claims.userId,
    role: claims.role,
    sessionId: claims.sessionId,
  });
  return idempotency(c, next);
});
