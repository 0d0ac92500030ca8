import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { defineModule } from "@/lib/api/platform/module";
import { Overview, OverviewQuery } from "./contract";
import { getOverview } from "./service";

const overview = createRoute({
  method: "get",
  path: "/overview",
  tags: ["Analytics"],
  summary: "Revenue, orders, customers and breakdowns over a range of the store's days",
  description:
    "Days are YYYY-MM-DD in the store's time zone, both inclusive; without them, the last 30 days. " +
    "At most 731 days. Amounts are decimal, in the store's currency; orders in other currencies " +
    "are listed apart in other_currencies. Needs analytics:read.",
  ...secured("analytics:read"),
  request: { headers: tenantHeader, query: OverviewQuery },
  responses: { 200: jsonResponse(Overview, "The overview"), ...commonErrors },
});

export function analyticsRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(overview, async (c) =>
    c.json(await getOverview(serviceContext(c), c.req.valid("query")), 200),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const analyticsModule = defineModule({
  prefix: "/api/v1/analytics",
  routes: analyticsRoutes,
});
