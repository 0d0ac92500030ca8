import { inTenantScope } from "@/lib/db/tenant-scope";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import {
  AppError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
} from "@/lib/errors";
import { findTenantBySlug } from "@/lib/tenants/service";
import type { Tenant } from "@/lib/tenants/schema";
import type { ApiDeps, ApiEnv } from "../env";
import { RateLimiterRes } from "@/lib/limiter";
import { sha256Hex } from "@/lib/crypto";
import { adminClientIp, clientAddress } from "@/lib/client-ip";

export const provideDeps = (deps: ApiDeps) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.set("deps", deps);
    await next();
  });

/**
 * The caller's address. Over a socket: the X-Forwarded-For entry our trusted proxies appended
 * (TRUST_PROXY hops, lib/client-ip.ts), else the socket's; a client cannot choose its bucket.
 */
export const clientIp = createMiddleware<ApiEnv>(async (c, next) => {
  const forwarded = c.req.header("x-forwarded-for");
  const socket = c.env?.incoming?.socket?.remoteAddress;
  let ip: string;
  if (socket) ip = clientAddress(forwarded, socket, c.var.deps.config.trustProxy);
  // The admin's own calls arrive without a socket and name the address they resolved; without
  // one they are counted per credential, so one busy admin does not use up others' budget.
  else
    ip =
      adminClientIp(forwarded) ||
      `in-process:${sha256Hex(c.req.header("authorization") ?? "").slice(0, 16)}`;
  c.set("clientIp", ip);
  await next();
});

export function setLimitHeaders(
  c: { header: (k: string, v: string) => void },
  limit: number,
  res: RateLimiterRes,
) {
  c.header("X-Rate-Limit-Limit", String(limit));
  c.header("X-Rate-Limit-Remaining", String(Math.max(0, res.remainingPoints)));
  c.header("X-Rate-Limit-Reset", String(Math.ceil((Date.now() + res.msBeforeNext) / 1000)));
}

/** A load balancer's probes: never counted, or busy clients behind it would get the instance pulled. */
const PROBES = new Set(["/health/live", "/health/ready"]);

/** Every response carries the X-Rate-Limit-* headers; over the limit is a 429 with Retry-After. */
export const rateLimit = createMiddleware<ApiEnv>(async (c, next) => {
  if (PROBES.has(c.req.path)) return next();
  const { limiters, config } = c.var.deps;
  const limit = config.rateLimit.points;
  let res: RateLimiterRes;
  try {
    res = await limiters.api.consume(`ip:${c.var.clientIp}`);
  } catch (rejected) {
    if (!(rejected instanceof RateLimiterRes)) throw rejected;
    setLimitHeaders(c, limit, rejected);
    throw new RateLimitError(Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)));
  }
  setLimitHeaders(c, limit, res);
  await next();
});

/**
 * Resolves X-Tenant-ID (the tenant's slug). A short cache keeps this off the database on the hot
 * path; a renamed or deleted tenant is seen within a few seconds on every instance.
 */
export function tenantResolver(ttlMs = 5_000) {
  const cache = new Map<string, { tenant: Tenant | undefined; expires: number }>();
  return createMiddleware<ApiEnv>(async (c, next) => {
    const slug = c.req.header("x-tenant-id")?.trim().toLowerCase();
    if (!slug) throw new BadRequestError("The X-Tenant-ID header is required", "TENANT_REQUIRED");
    const now = Date.now();
    let hit = cache.get(slug);
    if (!hit || hit.expires < now) {
      if (cache.size > 10_000) cache.clear();
      hit = { tenant: await findTenantBySlug(c.var.deps.db, slug), expires: now + ttlMs };
      cache.set(slug, hit);
    }
    if (!hit.tenant) throw new NotFoundError(`No store with the ID "${slug}"`, "TENANT_NOT_FOUND");
    // What a suspended store still answers is declared by its modules (openWhileSuspended in
    // ../module.ts): signing in and out, /auth/me, and the owner's data export.
    if (hit.tenant.status === "suspended" && !c.var.routeRules?.openWhileSuspended)
      throw new PermissionError(
        "This store is suspended; its owner can still sign in and export its data",
        "STORE_SUSPENDED",
      );
    c.set("tenant", hit.tenant);
    c.set("forgetTenant", () => cache.delete(slug));
    // From here on the database shows this store's rows only (row-level security).
    await inTenantScope(hit.tenant.id, next);
  });
}

/** X-Tenant-ID for every /api/v1 route but those a module marked public (../module.ts). */
export function tenantUnlessPublic() {
  const resolve = tenantResolver();
  return createMiddleware<ApiEnv>((c, next) =>
    c.var.routeRules?.public ? next() : resolve(c, next),
  );
}

/** The configured body limit, or the larger one a route declared (uploads, imports): 413 past it. */
export const bodyLimitByRoute = createMiddleware<ApiEnv>((c, next) => {
  // GET and HEAD carry no body; checking would build a full Request object on the hot path.
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const maxSize = c.var.routeRules?.bodyLimit ?? c.var.deps.config.bodyLimitBytes;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(
        413,
        "invalid_request_error",
        "PAYLOAD_TOO_LARGE",
        `The request body is larger than ${maxSize} bytes`,
      );
    },
  })(c, next);
});

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, token] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token) {
    throw new AuthenticationError("Authorization must be 'Bearer <token>'", "AUTH_001");
  }
  return token.trim();
}
