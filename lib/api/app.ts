import { OpenAPIHono } from "@hono/zod-openapi";
import { requestId } from "hono/request-id";
import { NotFoundError } from "@/lib/errors";
import { withLogContext } from "@/lib/log";
import { authModule } from "@/lib/auth/routes";
import { apiKeysModule } from "@/lib/api-keys/routes";
import { usersModule } from "@/lib/users/routes";
import { settingsModule } from "@/lib/tenants/routes";
import { exportModule, storesModule } from "@/lib/tenants/setup-routes";
import { auditModule } from "@/lib/audit/routes";
import { webhooksModule } from "@/lib/webhooks/routes";
import { filesModule, productsModule } from "@/lib/products/routes";
import { ordersModule } from "@/lib/orders/routes";
import { invoiceLinksModule, invoicesModule, orderInvoicesModule } from "@/lib/invoices/routes";
import { paymentsModule } from "@/lib/payments/routes";
import { checkoutModule } from "@/lib/payments/checkout-routes";
import { analyticsModule } from "@/lib/analytics/routes";
import {
  authoriseModule,
  developerApiModule,
  developersModule,
  storeAppsModule,
} from "@/lib/apps/routes";
import { APP_HEADERS } from "@/lib/apps/service";
import type { ApiDeps, ApiEnv } from "./platform/env";
import { docsRoutes, SCALAR_SCRIPT_PATH } from "./platform/docs";
import { respondWithError, zodToValidationError } from "./platform/errors";
import { healthRoutes } from "./platform/health";
import { storableInput } from "./platform/middleware/input";
import {
  bodyLimitByRoute,
  clientIp,
  provideDeps,
  rateLimit,
  tenantUnlessPublic,
} from "./platform/middleware/platform";
import { joinPath, withRouteRules, type ApiModule } from "./platform/module";

/**
 * The composition root: the platform's middleware, then every module under its prefix. Each
 * module declares its routes' rules (public, holds secrets, body limit) in its routes.ts; the
 * platform only reads them.
 */
const MODULES: ApiModule[] = [
  authModule,
  productsModule,
  ordersModule,
  orderInvoicesModule,
  invoicesModule,
  invoiceLinksModule,
  paymentsModule,
  checkoutModule,
  analyticsModule,
  filesModule,
  apiKeysModule,
  usersModule,
  settingsModule,
  exportModule,
  storesModule,
  auditModule,
  webhooksModule,
  developersModule,
  developerApiModule,
  storeAppsModule,
  // Last: its one route, /{account}/authorise, is a pattern under /api/v1 itself.
  authoriseModule,
];

/** The platform's own routes outside any tenant: the OpenAPI document and the reference. */
const PLATFORM_PUBLIC = ["/api/v1/openapi.json", "/api/v1/docs", SCALAR_SCRIPT_PATH];

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
  for (const path of PLATFORM_PUBLIC) app.use(path, withRouteRules({ public: true }));
  for (const { prefix, rules = {} } of MODULES) {
    for (const [path, routeRules] of Object.entries(rules)) {
      app.use(joinPath(prefix, path), withRouteRules(routeRules));
    }
  }
  app.use(
    "/api/v1/*",
    bodyLimitByRoute,
    // Text PostgreSQL cannot store is a 422 for every route, before any of them runs.
    storableInput,
    tenantUnlessPublic(),
    // Idempotency-Key is handled by authenticate, once the caller is known (middleware/idempotency.ts).
  );

  app.route("/", healthRoutes());
  for (const { prefix, routes } of MODULES) app.route(prefix, routes());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from /api/v1/auth/login, or an API key (bsk_live_...)",
  });
  // Third-party apps (docs/apps.md): the developer and app references, and the signed account
  // token or a staff token; the installed-accounts API takes the signed developer token.
  const header = (name: string, description: string) => ({
    type: "apiKey" as const,
    in: "header" as const,
    name,
    description,
  });
  const registry = app.openAPIRegistry;
  registry.registerComponent(
    "securitySchemes",
    "developerRef",
    header(APP_HEADERS.developerRef, "The developer reference"),
  );
  registry.registerComponent(
    "securitySchemes",
    "appRef",
    header(APP_HEADERS.appRef, "The app reference"),
  );
  registry.registerComponent(
    "securitySchemes",
    "accountToken",
    header(
      APP_HEADERS.accountToken,
      "base64(HMAC-SHA256(developer secret, unsigned account token))",
    ),
  );
  registry.registerComponent(
    "securitySchemes",
    "staffToken",
    header(APP_HEADERS.staffToken, "A staff token from POST /api/v1/{account}/authorise"),
  );
  registry.registerComponent(
    "securitySchemes",
    "developerToken",
    header(APP_HEADERS.developerToken, "base64(HMAC-SHA256(developer secret, developer token))"),
  );
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
