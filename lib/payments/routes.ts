import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { csvDownload } from "@/lib/api/platform/stream";
import { IdParam, secured } from "@/lib/api/platform/route-parts";
import {
  commonErrors,
  ErrorSchema,
  jsonBody,
  jsonResponse,
  tenantHeader,
} from "@/lib/api/platform/openapi";
import { defineModule } from "@/lib/api/platform/module";
import {
  CheckoutLinkSchema,
  ConnectionTest,
  ManualPaymentCreate,
  ManualSettingsInput,
  PaymentDetail,
  PaymentList,
  PaymentListQuery,
  PaymentSettings,
  PayPalOrder,
  PayPalOrderCreate,
  PayPalSettingsInput,
  RefundCreate,
  RefundResult,
  StripeIntent,
  StripeIntentCreate,
  StripeSettingsInput,
} from "./contract";
import { exportPaymentsCsv } from "./csv";
import * as service from "./service";

const tags = ["Payments"];
const errors = { "application/json": { schema: ErrorSchema } };
/** What the providers can make of a payment call, besides the common errors. */
const providerErrors = {
  402: { description: "Declined (PAYMENT_DECLINED)", content: errors },
  409: { description: "Provider not set up, or the order is not payable", content: errors },
  502: { description: "The provider refused the store's credentials or failed", content: errors },
  504: { description: "The provider did not answer in time (PROVIDER_TIMEOUT)", content: errors },
  ...commonErrors,
};

const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ tags, ...r });

const OrderIdParam = z.object({
  order_id: z.string().openapi({ param: { name: "order_id", in: "path" } }),
});
const ProviderPath = z.object({
  provider: z.enum(["stripe", "paypal"]).openapi({ param: { name: "provider", in: "path" } }),
});

const createIntent = route({
  ...secured("payments:write"),
  method: "post",
  path: "/stripe/create-payment-intent",
  summary: "A Stripe PaymentIntent: amount in minor units; with order_id, exactly what it owes",
  request: { headers: tenantHeader, body: jsonBody(StripeIntentCreate) },
  responses: { 200: jsonResponse(StripeIntent, "The intent, for Stripe.js"), ...providerErrors },
});
const createPayPal = route({
  ...secured("payments:write"),
  method: "post",
  path: "/paypal/create-order",
  summary: "A PayPal order (Orders v2) for the items, or for what the order owes",
  request: { headers: tenantHeader, body: jsonBody(PayPalOrderCreate) },
  responses: {
    200: jsonResponse(PayPalOrder, "PayPal's order id and approval link"),
    ...providerErrors,
  },
});
const capturePayPal = route({
  ...secured("payments:write"),
  method: "post",
  path: "/paypal/capture/{id}",
  summary: "Capture an approved PayPal order (id: PayPal's order id)",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(PaymentDetail, "The payment"), ...providerErrors },
});
const manual = route({
  ...secured("payments:write"),
  method: "post",
  path: "/manual",
  summary: "Record a bank transfer or cash payment for an order",
  request: { headers: tenantHeader, body: jsonBody(ManualPaymentCreate) },
  responses: { 201: jsonResponse(PaymentDetail, "Recorded"), ...providerErrors },
});
const list = route({
  ...secured("payments:read"),
  method: "get",
  path: "/",
  summary: "List payments (filters: status, provider, order, provider id, dates)",
  request: { headers: tenantHeader, query: PaymentListQuery },
  responses: { 200: jsonResponse(PaymentList, "A page of payments"), ...commonErrors },
});
const exportCsv = route({
  ...secured("payments:read"),
  method: "get",
  path: "/export",
  summary: "Export the filtered payments as CSV (UTF-8 with BOM)",
  request: { headers: tenantHeader, query: PaymentListQuery.omit({ page: true, limit: true }) },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...commonErrors,
  },
});
const settings = route({
  ...secured("settings:write"),
  method: "get",
  path: "/settings",
  summary: "Provider settings, secrets masked (owners and admins)",
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(PaymentSettings, "Settings"), ...commonErrors },
});
const putStripe = route({
  ...secured("settings:write"),
  method: "put",
  path: "/settings/stripe",
  summary: "Save Stripe keys (omitted fields keep their value)",
  request: { headers: tenantHeader, body: jsonBody(StripeSettingsInput) },
  responses: { 200: jsonResponse(PaymentSettings, "Saved"), ...commonErrors },
});
const putPayPal = route({
  ...secured("settings:write"),
  method: "put",
  path: "/settings/paypal",
  summary: "Save PayPal credentials (omitted fields keep their value)",
  request: { headers: tenantHeader, body: jsonBody(PayPalSettingsInput) },
  responses: { 200: jsonResponse(PaymentSettings, "Saved"), ...commonErrors },
});
const putManual = route({
  ...secured("settings:write"),
  method: "put",
  path: "/settings/manual",
  summary: "Bank transfer instructions and cash on delivery",
  request: { headers: tenantHeader, body: jsonBody(ManualSettingsInput) },
  responses: { 200: jsonResponse(PaymentSettings, "Saved"), ...commonErrors },
});
const disconnect = route({
  ...secured("settings:write"),
  method: "delete",
  path: "/settings/{provider}",
  summary: "Forget a provider's credentials",
  request: { headers: tenantHeader, params: ProviderPath },
  responses: { 200: jsonResponse(PaymentSettings, "Removed"), ...commonErrors },
});
const test = route({
  ...secured("settings:write"),
  method: "post",
  path: "/settings/{provider}/test",
  summary: "Call the provider with the saved credentials and say what is wrong",
  request: { headers: tenantHeader, params: ProviderPath },
  responses: { 200: jsonResponse(ConnectionTest, "The outcome"), ...commonErrors },
});
const getLink = route({
  ...secured("payments:read"),
  method: "get",
  path: "/checkout-links/{order_id}",
  summary: "The order's hosted checkout link",
  request: { headers: tenantHeader, params: OrderIdParam },
  responses: { 200: jsonResponse(CheckoutLinkSchema, "The link"), ...commonErrors },
});
const createLink = route({
  ...secured("payments:write"),
  method: "post",
  path: "/checkout-links/{order_id}",
  summary: "A new checkout link for a pending order (an earlier one stops working)",
  request: { headers: tenantHeader, params: OrderIdParam },
  responses: { 201: jsonResponse(CheckoutLinkSchema, "The link"), ...providerErrors },
});
const revokeLink = route({
  ...secured("payments:write"),
  method: "delete",
  path: "/checkout-links/{order_id}",
  summary: "Revoke the order's checkout link",
  request: { headers: tenantHeader, params: OrderIdParam },
  responses: { 204: { description: "Revoked" }, ...commonErrors },
});
const get = route({
  ...secured("payments:read"),
  method: "get",
  path: "/{id}",
  summary: "A payment with its refunds and history",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(PaymentDetail, "The payment"), ...commonErrors },
});
const refund = route({
  ...secured("payments:refund"),
  method: "post",
  path: "/{id}/refund",
  summary: "Refund all (no amount) or part of a payment (owners and admins)",
  request: { headers: tenantHeader, params: IdParam, body: jsonBody(RefundCreate) },
  responses: { 201: jsonResponse(RefundResult, "Refunded"), ...providerErrors },
});

const WebhookReceived = z.object({
  received: z.boolean(),
  handled: z.boolean(),
  duplicate: z.boolean().optional(),
});
const webhookRoute = (provider: "stripe" | "paypal") =>
  createRoute({
    tags,
    method: "post",
    path: `/webhooks/${provider}`,
    summary: `${provider === "stripe" ? "Stripe" : "PayPal"}'s webhooks (through /api/webhooks/${provider}/{store})`,
    request: { headers: tenantHeader },
    responses: {
      200: jsonResponse(WebhookReceived, "Accepted (also for events we ignore)"),
      400: {
        description: "Bad signature (WEBHOOK_SIGNATURE_INVALID): nothing changed",
        content: errors,
      },
      409: { description: "The provider is not set up", content: errors },
    },
  });

const deps = (c: Context<ApiEnv>) => c.var.deps.payments;

export function paymentRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(createIntent, async (c) =>
    c.json(
      await service.createStripeIntent(
        serviceContext(c),
        deps(c),
        c.req.valid("json"),
        c.req.header("idempotency-key"),
      ),
      200,
    ),
  );
  app.openapi(createPayPal, async (c) =>
    c.json(
      await service.createPayPalOrder(
        serviceContext(c),
        deps(c),
        c.req.valid("json"),
        c.req.header("idempotency-key"),
      ),
      200,
    ),
  );
  app.openapi(capturePayPal, async (c) =>
    c.json(
      await service.capturePayPalOrder(serviceContext(c), deps(c), c.req.valid("param").id),
      200,
    ),
  );
  app.openapi(manual, async (c) =>
    c.json(await service.recordManualPayment(serviceContext(c), c.req.valid("json")), 201),
  );
  app.openapi(list, async (c) =>
    c.json(await service.listPayments(serviceContext(c), c.req.valid("query")), 200),
  );
  app.openapi(exportCsv, async (c) => {
    const csv = await exportPaymentsCsv(serviceContext(c), c.req.valid("query"));
    return csvDownload(c, "payments", csv) as never;
  });
  app.openapi(settings, async (c) =>
    c.json(await service.getPaymentSettings(serviceContext(c), deps(c)), 200),
  );
  app.openapi(putStripe, async (c) =>
    c.json(
      await service.updateStripeSettings(serviceContext(c), deps(c), c.req.valid("json")),
      200,
    ),
  );
  app.openapi(putPayPal, async (c) =>
    c.json(
      await service.updatePayPalSettings(serviceContext(c), deps(c), c.req.valid("json")),
      200,
    ),
  );
  app.openapi(putManual, async (c) =>
    c.json(
      await service.updateManualSettings(serviceContext(c), deps(c), c.req.valid("json")),
      200,
    ),
  );
  app.openapi(disconnect, async (c) =>
    c.json(
      await service.disconnectProvider(serviceContext(c), deps(c), c.req.valid("param").provider),
      200,
    ),
  );
  app.openapi(test, async (c) =>
    c.json(
      await service.testConnection(serviceContext(c), deps(c), c.req.valid("param").provider),
      200,
    ),
  );
  app.openapi(getLink, async (c) =>
    c.json(
      await service.getCheckoutLink(serviceContext(c), deps(c), c.req.valid("param").order_id),
      200,
    ),
  );
  app.openapi(createLink, async (c) =>
    c.json(
      await service.createCheckoutLink(serviceContext(c), deps(c), c.req.valid("param").order_id),
      201,
    ),
  );
  app.openapi(revokeLink, async (c) => {
    await service.revokeCheckoutLink(serviceContext(c), c.req.valid("param").order_id);
    return c.body(null, 204);
  });
  app.openapi(webhookRoute("stripe"), async (c) =>
    c.json(
      await service.receiveStripeWebhook(
        serviceContext(c),
        deps(c),
        await c.req.text(),
        c.req.header("stripe-signature"),
      ),
      200,
    ),
  );
  app.openapi(webhookRoute("paypal"), async (c) =>
    c.json(
      await service.receivePayPalWebhook(serviceContext(c), deps(c), await c.req.text(), (name) =>
        c.req.header(name),
      ),
      200,
    ),
  );
  app.openapi(get, async (c) =>
    c.json(await service.getPayment(serviceContext(c), c.req.valid("param").id), 200),
  );
  app.openapi(refund, async (c) =>
    c.json(
      await service.refundPayment(
        serviceContext(c),
        deps(c),
        c.req.valid("param").id,
        c.req.valid("json"),
      ),
      201,
    ),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const paymentsModule = defineModule({
  prefix: "/api/v1/payments",
  routes: paymentRoutes,
  rules: {
    // The reply holds the link's token.
    "/checkout-links/*": { holdsSecrets: true },
    // Money moved at the provider: recorded even while the store is suspended.
    "/webhooks/*": { openWhileSuspended: true, bodyLimit: 1024 * 1024 },
  },
});
