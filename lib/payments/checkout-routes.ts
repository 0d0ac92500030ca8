import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "@/lib/api/platform/env";
import { ErrorSchema, jsonResponse } from "@/lib/api/platform/openapi";
import { defineModule } from "@/lib/api/platform/module";
import { CheckoutTokenParam, CheckoutView } from "./contract";
import * as service from "./service";

/**
 * The hosted checkout page's calls: no X-Tenant-ID and no sign-in, the link's token is the
 * credential (and names the store). The global per-address rate limit applies.
 */
const tags = ["Checkout"];
const errors = { "application/json": { schema: ErrorSchema } };
const failures = {
  402: { description: "Declined (PAYMENT_DECLINED)", content: errors },
  404: { description: "No such link (CHECKOUT_NOT_FOUND)", content: errors },
  409: {
    description: "The link is paid, cancelled, expired or revoked (CHECKOUT_CLOSED)",
    content: errors,
  },
  429: { description: "Too many requests", content: errors },
  502: { description: "The provider failed", content: errors },
};

const view = createRoute({
  tags,
  method: "get",
  path: "/{token}",
  summary: "The order behind a checkout link, and how it can be paid",
  request: { params: CheckoutTokenParam },
  responses: { 200: jsonResponse(CheckoutView, "The checkout"), ...failures },
});
const stripe = createRoute({
  tags,
  method: "post",
  path: "/{token}/stripe",
  summary: "A PaymentIntent for what the order owes (reused while open)",
  request: { params: CheckoutTokenParam },
  responses: {
    200: jsonResponse(
      z.object({ client_secret: z.string(), payment_id: z.uuid() }),
      "For Stripe.js",
    ),
    ...failures,
  },
});
const paypal = createRoute({
  tags,
  method: "post",
  path: "/{token}/paypal",
  summary: "A PayPal order for what the order owes",
  request: { params: CheckoutTokenParam },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), payment_id: z.uuid() }), "For PayPal's buttons"),
    ...failures,
  },
});
const capture = createRoute({
  tags,
  method: "post",
  path: "/{token}/paypal/{paypal_order_id}/capture",
  summary: "Capture the PayPal order the customer approved",
  request: {
    params: CheckoutTokenParam.extend({
      paypal_order_id: z
        .string()
        .max(100)
        .openapi({ param: { name: "paypal_order_id", in: "path" } }),
    }),
  },
  responses: { 200: jsonResponse(CheckoutView, "The checkout after capture"), ...failures },
});
const refresh = createRoute({
  tags,
  method: "post",
  path: "/{token}/refresh",
  summary: "Re-read the open card payment from Stripe (after 3-D Secure)",
  request: { params: CheckoutTokenParam },
  responses: { 200: jsonResponse(CheckoutView, "The checkout"), ...failures },
});

async function session(c: Context<ApiEnv>, token: string) {
  const { deps } = c.var;
  return service.openCheckout(
    {
      db: deps.db,
      ip: c.var.clientIp,
      requestId: c.var.requestId,
      now: deps.now,
      jobs: deps.jobs,
      credentials: deps.credentials,
    },
    token,
  );
}

export function checkoutRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  const deps = (c: Context<ApiEnv>) => c.var.deps.payments;
  app.openapi(view, async (c) =>
    c.json(await service.checkoutView(await session(c, c.req.valid("param").token), deps(c)), 200),
  );
  app.openapi(stripe, async (c) =>
    c.json(
      await service.checkoutStripe(await session(c, c.req.valid("param").token), deps(c)),
      200,
    ),
  );
  app.openapi(paypal, async (c) =>
    c.json(
      await service.checkoutPayPal(await session(c, c.req.valid("param").token), deps(c)),
      200,
    ),
  );
  app.openapi(capture, async (c) => {
    const { token, paypal_order_id } = c.req.valid("param");
    return c.json(
      await service.checkoutCapturePayPal(await session(c, token), deps(c), paypal_order_id),
      200,
    );
  });
  app.openapi(refresh, async (c) =>
    c.json(
      await service.checkoutRefresh(await session(c, c.req.valid("param").token), deps(c)),
      200,
    ),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const checkoutModule = defineModule({
  prefix: "/api/v1/checkout",
  routes: checkoutRoutes,
  rules: { "/*": { public: true } },
});
