import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { createMiddleware } from "hono/factory";
import { AppError, NotFoundError } from "@/lib/errors";
import { authRoutes } from "@/lib/auth/routes";
import type { ApiDeps, ApiEnv } from "./env";
import { respondWithError, zodToValidationError } from "./errors";
import { healthRoutes } from "./health";
import { idempotency } from "./middleware/idempotency";
import { clientIp, provideDeps, rateLimit, tenantResolver } from "./middleware/platform";

const PUBLIC_PATHS = new Set(["/api/v1/openapi.json", "/api/v1/docs"]);

/** Paths that are not tenant-scoped, or whose replies hold secrets that must not be stored. */
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

  app.use("*", requestId({ headerName: "X-Request-ID" }), provideDeps(deps), clientIp, rateLimit);
  app.use(
    "/api/v1/*",
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new AppError(
          413,
          "invalid_request_error",
          "PAYLOAD_TOO_LARGE",
          `The request body is larger than ${deps.config.bodyLimitBytes} bytes`,
        );
      },
    }),
    unlessPath((p) => PUBLIC_PATHS.has(p), tenantResolver()),
    // Sign-in replies carry tokens: replaying them from storage would keep secrets at rest.
    unlessPath((p) => p.startsWith("/api/v1/auth/"), idempotency),
  );

  app.route("/", healthRoutes());
  app.route("/api/v1/auth", authRoutes());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from /api/v1/auth/login, or an API key",
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
  app.get(
    "/api/v1/docs",
    Scalar({
      url: "/api/v1/openapi.json",
      pageTitle: "BrainSAIT Store API",
      ...(process.env.SCALAR_CDN_URL ? { cdn: process.env.SCALAR_CDN_URL } : {}),
    }),
  );
  return app;
}

export type StoreApi = ReturnType<typeof createApi>;
