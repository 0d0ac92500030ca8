import { createMiddleware } from "hono/factory";
import { AuthenticationError, PermissionError, RateLimitError } from "@/lib/errors";
import { verifyAccessToken } from "@/lib/auth/tokens";
import { looksLikeApiKey } from "@/lib/api-keys/format";
import { verifyApiKey } from "@/lib/api-keys/service";
import { RateLimiterRes } from "@/lib/limiter";
import type { ApiEnv } from "../env";
import { bearerToken, setLimitHeaders } from "./platform";
import { idempotency } from "./idempotency";

/**
 * Requires a valid credential for the tenant named in X-Tenant-ID: an access token from sign-in
 * or an API key. A credential of another tenant is refused with 403 and never reaches a handler.
 * Then Idempotency-Key, which needs the caller's identity (./idempotency.ts).
 */
export const authenticate = createMiddleware<ApiEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw new AuthenticationError();
  const { deps, tenant } = c.var;
  const now = deps.now();

  if (looksLikeApiKey(token)) {
    const actor = await verifyApiKey(deps.db, deps.credentials, tenant.id, token, now);
    // Each key has its own budget; the headers then describe that budget.
    const limit = deps.config.rateLimit.keyPoints;
    try {
      setLimitHeaders(c, limit, await deps.limiters.apiKey.consume(actor.keyId));
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) throw rejected;
      setLimitHeaders(c, limit, rejected);
      throw new RateLimitError(Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)));
    }
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
