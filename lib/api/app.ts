import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { createMiddleware } from "hono/factory";
import { AppError, NotFoundError } from "@/lib/errors";
import { withLogContext } from "@/lib/log";
import { authRoutes } from "@/lib/auth/routes";
import { apiKeyRoutes } from "@/lib/api-keys/routes";
import { userRoutes } from "@/lib/users/routes";
import { settingsRoutes } from "@/lib/tenants/routes";
import { auditRoutes } from "@/lib/audit/routes";
import { webhookRoutes } from "@/lib/webhooks/routes";
import { fileRoutes, productRoutes } from "@/lib/products/routes";
import { orderRoutes } from "@/lib/orders/routes";
import { MAX_IMAGE_BYTES } from "@/lib/storage";
import type { ApiDeps, ApiEnv } from "./platform/env";
import { docsRoutes, SCALAR_SCRIPT_PATH } from "./platform/docs";
import { respondWithError, zodToValidationError } from "./platform/errors";
import { healthRoutes } from "./platform/health";
import { storableInput } from "./platform/middleware/input";
import { clientIp, provideDeps, rateLimit, tenantResolver } from "./platform/middleware/platform";

const PUBLIC_PATHS = new Set(["/api/v1/openapi.json", "/api/v1/docs", SCALAR_SCRIPT_PATH]);
const isPublic = (path: string) => PUBLIC_PATHS.has(path) || path.startsWith("/api/v1/files/");

/** Uploads and imports may be larger than ordinary JSON bodies. */
function bodyLimitFor(path: string, fallback: number): number {
  if (
    /^\/api\/v1\/store\/products\/[^/]+\/images$/.test(path) ||
    path === "/api/v1/store/settings/logo"
  ) {
    return MAX_IMAGE_BYTES + 64 * 1024;
  }
  if (path === "/api/v1/store/products/import") return 10 * 1024 * 1024;
  return fallback;
}

/** Paths that are not tenant-scoped. */
const unlessPath = (
  skip: (path: string) => boolean,
  mw: ReturnType<typeof createMiddleware<ApiEnv>>,
) => createMiddleware<ApiEnv>((c, next) => (skip(c.req.path) ? next() : mw(c, next)));

export function createApi(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where =
          result.target === "json"
            ? "body"
            : result.target === "param"
              ? "path"
              : result.target === "query"
                ? "query"
                : "header";
        throw zodToValidationError(result.error, where);
      }
    },
  });
  app.onError((err, c) => respondWithError(c, err));
  app.notFound((c) =>
    respondWithError(
      c,
      new NotFoundError(`No route for ${c.req.method} ${c.req.path}`, "ROUTE_NOT_FOUND"),
    ),
  );

  app.use(
    "*",
    requestId({ headerName: "X-Request-ID" }),
    // Every line logged while the request runs carries its id (lib/log.ts).
    (c, next) => withLogContext({ requestId: c.var.requestId }, next),
    provideDeps(deps),
    clientIp,
    rateLimit,
  );
  app.use(
    "/api/v1/*",
    (c, next) => {
      // GET and HEAD carry no body; checking would build a full Request object on the hot path.
      if (c.req.method === "GET" || c.req.method === "HEAD") return next();
      const maxSize = bodyLimitFor(c.req.path, deps.config.bodyLimitBytes);
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
    },
    // Text PostgreSQL cannot store is a 422 for every route, before any of them runs.
    storableInput,
    unlessPath(isPublic, tenantResolver()),
    // Idempotency-Key is handled by authenticate, once the caller is known (middleware/idempotency.ts).
  );

  app.route("/", healthRoutes());
  app.route("/api/v1/auth", authRoutes());
  app.route("/api/v1/store/products", productRoutes());
  app.route("/api/v1/store/orders", orderRoutes());
  app.route("/api/v1/files", fileRoutes());
  app.route("/api/v1/api-keys", apiKeyRoutes());
  app.route("/api/v1/users", userRoutes());
  app.route("/api/v1/store/settings", settingsRoutes());
  app.route("/api/v1/audit-log", auditRoutes());
  app.route("/api/v1", webhookRoutes());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from /api/v1/auth/login, or an API key (bsk_live_...)",
  });
  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "BrainSAIT Store API",
      version: deps.version,
      description:
        "Every tenant-scoped call names the store in `X-Tenant-ID`. Errors are `{detail, type, code}`. " +
        "Every response carries `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset`. " +
        "POSTs accept `Idempotency-Key`.",
    },
  });
  app.route("/api/v1/docs", docsRoutes());
  return app;
}

export type StoreApi = ReturnType<typeof createApi>;
