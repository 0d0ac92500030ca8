import { createMiddleware } from "hono/factory";
import { AuthenticationError, PermissionError } from "@/lib/errors";
import { verifyAccessToken } from "@/lib/auth/tokens";
import type { ApiEnv } from "../env";
import { bearerToken } from "./platform";

/**
 * Requires a valid credential for the tenant named in X-Tenant-ID. A token of another tenant is
 * refused with 403 and never reaches a handler. (API keys and app tokens plug in here.)
 */
export const authenticate = createMiddleware<ApiEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw new AuthenticationError();
  const { deps, tenant } = c.var;
  const claims = await verifyAccessToken(deps.config.authSecret, token, deps.now());
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
  await next();
});
