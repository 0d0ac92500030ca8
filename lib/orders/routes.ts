import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { csvDownload } from "@/lib/api/platform/stream";
import { IdParam, secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import {
  OrderCreate,
  OrderList,
  OrderListQuery,
  OrderSchema,
  OrderUpdate,
  OrderWithTimeline,
} from "./contract";
import { exportOrdersCsv } from "./csv";
import * as ordersService from "./service";
import { defineModule } from "@/lib/api/platform/module";

const tags = ["Orders"];

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  summary: "List orders (filters: status, source, number or email, dates in the store's time zone)",
  ...secured("orders:read"),
  request: { headers: tenantHeader, query: OrderListQuery },
  responses: { 200: jsonResponse(OrderList, "A page of orders"), ...commonErrors },
});
const create = createRoute({
  method: "post",
  path: "/",
  tags,
  summary:
    "Create an order; with external_id (+ source) it is idempotent (200 with the existing order)",
  ...secured("orders:write"),
  request: { headers: tenantHeader, body: jsonBody(OrderCreate) },
  responses: {
    201: jsonResponse(OrderSchema, "Created"),
    200: jsonResponse(
      OrderSchema,
      "Already synced: the existing order for this external_id and source",
    ),
    409: { ...commonErrors[422], description: "Not enough stock (INSUFFICIENT_STOCK)" },
    ...commonErrors,
  },
});
const exportCsv = createRoute({
  method: "get",
  path: "/export",
  tags,
  summary: "Export the filtered orders as CSV (UTF-8 with BOM)",
  ...secured("orders:read"),
  request: { headers: tenantHeader, query: OrderListQuery.omit({ page: true, limit: true }) },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...commonErrors,
  },
});
const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  summary: "An order with its lines and timeline",
  ...secured("orders:read"),
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(OrderWithTimeline, "The order"), ...commonErrors },
});
const update = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  summary: "Change status (along the lifecycle), notes or customer details",
  ...secured("orders:write"),
  request: { headers: tenantHeader, params: IdParam, body: jsonBody(OrderUpdate) },
  responses: {
    200: jsonResponse(OrderWithTimeline, "Updated"),
    409: { ...commonErrors[422], description: "Not an allowed transition (INVALID_TRANSITION)" },
    ...commonErrors,
  },
});

export function orderRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(list, async (c) =>
    c.json(await ordersService.listOrders(serviceContext(c), c.req.valid("query")), 200),
  );
  app.openapi(create, async (c) => {
    const { order, created } = await ordersService.createOrder(
      serviceContext(c),
      c.req.valid("json"),
    );
    return created ? c.json(order, 201) : c.json(order, 200);
  });
  app.openapi(exportCsv, async (c) => {
    const csv = await exportOrdersCsv(serviceContext(c), c.req.valid("query"));
    return csvDownload(c, "orders", csv) as never;
  });
  app.openapi(get, async (c) =>
    c.json(await ordersService.getOrder(serviceContext(c), c.req.valid("param").id), 200),
  );
  app.openapi(update, async (c) =>
    c.json(
      await ordersService.updateOrder(
        serviceContext(c),
        c.req.valid("param").id,
        c.req.valid("json"),
      ),
      200,
    ),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const ordersModule = defineModule({
  prefix: "/api/v1/store/orders",
  routes: orderRoutes,
});
