import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { missingMigrations, pingDatabase, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ApiEnv } from "./env";
import { ErrorSchema, jsonResponse } from "./openapi";

const Check = z.object({
  status: z.enum(["ok", "error"]),
  latency_ms: z.number().optional(),
  detail: z.string().optional(),
});
const Health = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    uptime_seconds: z.number().int(),
    checks: z.object({
      database: Check.extend({ driver: z.enum(["pglite", "postgres"]) }),
      /** Present with REDIS_URL. Down is degraded but 200: limits fall back to memory. */
      redis: Check.optional(),
    }),
  })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["Platform"],
  summary: "Liveness and the status of the database (and Redis, when configured)",
  responses: {
    200: jsonResponse(Health, "Serving: healthy, or degraded when only Redis is down"),
    503: jsonResponse(Health, "The database is down"),
  },
});

/** For load balancers (docs/operations.md): is the process up; may it be sent traffic. */
const Probe = z.object({ status: z.literal("ok") }).openapi("Probe");

const liveRoute = createRoute({
  method: "get",
  path: "/health/live",
  tags: ["Platform"],
  summary: "The process is up (checks nothing else: restart the instance when this fails)",
  responses: { 200: jsonResponse(Probe, "Up") },
});

const readyRoute = createRoute({
  method: "get",
  path: "/health/ready",
  tags: ["Platform"],
  summary: "The database answers and has this release's migrations (send traffic when 200)",
  responses: {
    200: jsonResponse(Probe, "Ready"),
    503: jsonResponse(ErrorSchema, "Not ready: DATABASE_UNAVAILABLE or MIGRATIONS_PENDING"),
  },
});

const started = Date.now();

/** A ping that gives up after 2 s: a probe must answer even when the database does not. */
function ping(db: Db) {
  return Promise.race([
    pingDatabase(db),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out after 2 s")), 2000).unref(),
    ),
  ]);
}

const notReady = (code: string, detail: string) =>
  new AppError(503, "api_error", code, detail, { retryAfterSeconds: 5 });

export function healthRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(route, async (c) => {
    const { db, dbKind, version, rateLimitStore } = c.var.deps;
    let database: z.infer<typeof Health>["checks"]["database"];
    try {
      const ms = await ping(db);
      database = { status: "ok", driver: dbKind, latency_ms: Math.round(ms * 100) / 100 };
    } catch (err) {
      database = {
        status: "error",
        driver: dbKind,
        detail: err instanceof Error ? err.message : "unreachable",
      };
    }
    // Without Redis each instance limits on its own (lib/limiter.ts): degraded, yet serving.
    const redis = rateLimitStore
      ? rateLimitStore().status === "ok"
        ? { status: "ok" as const }
        : {
            status: "error" as const,
            detail: "unreachable; rate limits are per instance (in memory) until it is back",
          }
      : undefined;
    const ok = database.status === "ok";
    c.header("Cache-Control", "no-store");
    const body = {
      status: ok && redis?.status !== "error" ? ("ok" as const) : ("degraded" as const),
      version,
      uptime_seconds: Math.floor((Date.now() - started) / 1000),
      checks: { database, ...(redis ? { redis } : {}) },
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
  app.openapi(liveRoute, (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" as const }, 200);
  });
  app.openapi(readyRoute, async (c) => {
    const { db } = c.var.deps;
    c.header("Cache-Control", "no-store");
    let missing: number;
    try {
      await ping(db);
      missing = await missingMigrations(db);
    } catch {
      throw notReady("DATABASE_UNAVAILABLE", "The database does not answer");
    }
    if (missing > 0)
      throw notReady(
        "MIGRATIONS_PENDING",
        `The database lacks ${missing} migration(s) of this release; run npm run db:migrate`,
      );
    return c.json({ status: "ok" as const }, 200);
  });
  return app;
}
