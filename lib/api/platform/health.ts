import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { pingDatabase } from "@/lib/db/client";
import type { ApiEnv } from "./env";
import { jsonResponse } from "./openapi";

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

const started = Date.now();

export function healthRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(route, async (c) => {
    const { db, dbKind, version, rateLimitStore } = c.var.deps;
    let database: z.infer<typeof Health>["checks"]["database"];
    try {
      const ms = await Promise.race([
        pingDatabase(db),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("timed out after 2 s")), 2000).unref(),
        ),
      ]);
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
  return app;
}
