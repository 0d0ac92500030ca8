import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deriveKey } from "@/lib/config";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { csvDownload } from "@/lib/api/platform/stream";
import { IdParam, secured } from "@/lib/api/platform/route-parts";
import { commonErrors, ErrorSchema, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { defineModule } from "@/lib/api/platform/module";
import {
  InvoiceList,
  InvoiceListQuery,
  InvoiceSchema,
  InvoiceTokenParam,
  OrderInvoices,
  PublicInvoiceSchema,
} from "./contract";
import { exportInvoicesCsv } from "./csv";
import * as service from "./service";

const tags = ["Invoices"];
const errors = { "application/json": { schema: ErrorSchema } };
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ tags, ...r });

/** The customer links' key, derived from AUTH_SECRET (lib/invoices/service/links.ts). */
const linkKeys = new Map<string, Buffer>();
function links(c: Context<ApiEnv>): service.InvoiceLinks {
  const { authSecret, publicUrl } = c.var.deps.config;
  let key = linkKeys.get(authSecret);
  if (!key) linkKeys.set(authSecret, (key = deriveKey(authSecret, "invoice-links")));
  return { key, publicUrl };
}

const list = route({
  ...secured("invoices:read"),
  method: "get",
  path: "/",
  summary: "List invoices and credit notes (filters: kind, number, dates in the store's time zone)",
  request: { headers: tenantHeader, query: InvoiceListQuery },
  responses: { 200: jsonResponse(InvoiceList, "A page of invoices"), ...commonErrors },
});
const exportCsv = route({
  ...secured("invoices:read"),
  method: "get",
  path: "/export",
  summary: "Export the filtered invoices and credit notes as CSV (UTF-8 with BOM)",
  request: { headers: tenantHeader, query: InvoiceListQuery.omit({ page: true, limit: true }) },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...commonErrors,
  },
});
const get = route({
  ...secured("invoices:read"),
  method: "get",
  path: "/{id}",
  summary: "An invoice or credit note, with its ZATCA QR payload and customer link",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(InvoiceSchema, "The document"), ...commonErrors },
});

export function invoiceRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(list, async (c) =>
    c.json(await service.listInvoices(serviceContext(c), c.req.valid("query")), 200),
  );
  app.openapi(exportCsv, async (c) => {
    const csv = await exportInvoicesCsv(serviceContext(c), c.req.valid("query"));
    return csvDownload(c, "invoices", csv) as never;
  });
  app.openapi(get, async (c) =>
    c.json(await service.getInvoice(serviceContext(c), links(c), c.req.valid("param").id), 200),
  );
  return app;
}

const ofOrder = route({
  ...secured("invoices:read"),
  method: "get",
  path: "/{id}/invoices",
  summary: "The order's invoice and credit notes",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(OrderInvoices, "Oldest first"), ...commonErrors },
});
const issue = route({
  ...secured("orders:write"),
  method: "post",
  path: "/{id}/invoices",
  summary: "Issue the order's invoice by hand (idempotent: 200 with the one it has)",
  request: { headers: tenantHeader, params: IdParam },
  responses: {
    201: jsonResponse(InvoiceSchema, "Issued"),
    200: jsonResponse(InvoiceSchema, "Already issued: the order's invoice"),
    409: {
      description: "Not paid, or refunded (ORDER_NOT_INVOICEABLE)",
      content: errors,
    },
    ...commonErrors,
  },
});

export function orderInvoiceRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(ofOrder, async (c) =>
    c.json(await service.orderInvoices(serviceContext(c), links(c), c.req.valid("param").id), 200),
  );
  app.openapi(issue, async (c) => {
    const { invoice, created } = await service.issueInvoice(
      serviceContext(c),
      links(c),
      c.req.valid("param").id,
    );
    return created ? c.json(invoice, 201) : c.json(invoice, 200);
  });
  return app;
}

const shared = createRoute({
  tags,
  method: "get",
  path: "/{token}",
  summary: "An invoice or credit note by its customer link's token (no sign-in, no X-Tenant-ID)",
  request: { params: InvoiceTokenParam },
  responses: {
    200: jsonResponse(PublicInvoiceSchema, "The document"),
    404: {
      description: "No such link (INVOICE_NOT_FOUND)",
      content: errors,
    },
    429: commonErrors[429],
  },
});

export function invoiceLinkRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(shared, async (c) =>
    c.json(
      await service.publicInvoice(c.var.deps.db, links(c).key, c.req.valid("param").token),
      200,
    ),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const invoicesModule = defineModule({ prefix: "/api/v1/invoices", routes: invoiceRoutes });
/** The order's documents, beside the orders module's own routes. */
export const orderInvoicesModule = defineModule({
  prefix: "/api/v1/store/orders",
  routes: orderInvoiceRoutes,
});
/** The customer's link: the token is the credential and names the store. */
export const invoiceLinksModule = defineModule({
  prefix: "/api/v1/invoice-links",
  routes: invoiceLinkRoutes,
  rules: { "/*": { public: true } },
});
