import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { IdParam, secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import {
  AttemptSchema,
  DeliveryDetail,
  DeliveryList,
  DeliveryQuery,
  EndpointCreate,
  EndpointSchema,
  EndpointUpdate,
  EndpointWithSecret,
  RecentEvents,
} from "./contract";
import type { EngineDeps } from "./engine";
import * as webhooks from "./service";
import { defineModule } from "@/lib/api/platform/module";

const tags = ["Webhooks"];
const Secret = z
  .object({ secret: z.string(), previous_secret_expires_at: z.string().optional() })
  .openapi("WebhookSecret");

const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ tags, ...r });

const create = route({
  ...secured("webhooks:write"),
  method: "post",
  path: "/webhooks",
  summary: "Create an endpoint (the reply holds its signing secret)",
  request: { headers: tenantHeader, body: jsonBody(EndpointCreate) },
  responses: { 201: jsonResponse(EndpointWithSecret, "Created"), ...commonErrors },
});
const list = route({
  ...secured("webhooks:read"),
  method: "get",
  path: "/webhooks",
  summary: "Endpoints with their health over 24 hours",
  request: { headers: tenantHeader },
  responses: {
    200: jsonResponse(z.object({ data: z.array(EndpointSchema) }), "Endpoints"),
    ...commonErrors,
  },
});
const get = route({
  ...secured("webhooks:read"),
  method: "get",
  path: "/webhooks/{id}",
  summary: "An endpoint",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(EndpointSchema, "The endpoint"), ...commonErrors },
});
const update = route({
  ...secured("webhooks:write"),
  method: "patch",
  path: "/webhooks/{id}",
  summary: "Change URL, events, description or enabled",
  request: { headers: tenantHeader, params: IdParam, body: jsonBody(EndpointUpdate) },
  responses: { 200: jsonResponse(EndpointSchema, "Updated"), ...commonErrors },
});
const remove = route({
  ...secured("webhooks:write"),
  method: "delete",
  path: "/webhooks/{id}",
  summary: "Delete an endpoint and its delivery log",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 204: { description: "Deleted" }, ...commonErrors },
});
const secret = route({
  ...secured("webhooks:write"),
  method: "get",
  path: "/webhooks/{id}/secret",
  summary: "Reveal the signing secret (owners and admins; audited)",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(Secret, "The secret"), ...commonErrors },
});
const rotate = route({
  ...secured("webhooks:write"),
  method: "post",
  path: "/webhooks/{id}/rotate-secret",
  summary: "New secret; the old one signs too for 24 hours",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(Secret, "The new secret"), ...commonErrors },
});
const test = route({
  ...secured("webhooks:write"),
  method: "post",
  path: "/webhooks/{id}/test",
  summary: "Send a webhook.test event now and return the attempt",
  request: { headers: tenantHeader, params: IdParam },
  responses: {
    200: jsonResponse(z.object({ delivery_id: z.uuid(), attempt: AttemptSchema }), "The attempt"),
    ...commonErrors,
  },
});
const deliveries = route({
  ...secured("webhooks:read"),
  method: "get",
  path: "/webhooks/{id}/deliveries",
  summary: "The delivery log of an endpoint",
  request: { headers: tenantHeader, params: IdParam, query: DeliveryQuery },
  responses: { 200: jsonResponse(DeliveryList, "Deliveries"), ...commonErrors },
});
const delivery = route({
  ...secured("webhooks:read"),
  method: "get",
  path: "/webhook-deliveries/{id}",
  summary: "A delivery with its body and every attempt",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(DeliveryDetail, "The delivery"), ...commonErrors },
});
const resend = route({
  ...secured("webhooks:write"),
  method: "post",
  path: "/webhook-deliveries/{id}/resend",
  summary: "Send a delivery again now (same body and webhook-id)",
  request: { headers: tenantHeader, params: IdParam },
  responses: { 200: jsonResponse(AttemptSchema, "The attempt"), ...commonErrors },
});
const recent = route({
  ...secured("any"),
  method: "get",
  path: "/events/recent",
  summary: "The store's latest events (the admin's activity feed)",
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(RecentEvents, "Events, newest first"), ...commonErrors },
});

const noJobs = { sendInTx: async () => {}, sendManyInTx: async () => {} };

function engine(c: Context<ApiEnv>): EngineDeps {
  const { deps } = c.var;
  return {
    db: deps.db,
    jobs: deps.jobs ?? noJobs,
    encryptionKey: deps.webhooks.encryptionKey,
    allowPrivate: deps.webhooks.allowPrivate,
    now: deps.now,
  };
}

export function webhookRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  const settings = (c: Context<ApiEnv>) => c.var.deps.webhooks;
  app.openapi(create, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(
      await webhooks.createEndpoint(serviceContext(c), c.req.valid("json"), settings(c)),
      201,
    );
  });
  app.openapi(list, async (c) => c.json(await webhooks.listEndpoints(serviceContext(c)), 200));
  app.openapi(get, async (c) =>
    c.json(await webhooks.getEndpoint(serviceContext(c), c.req.valid("param").id), 200),
  );
  app.openapi(update, async (c) =>
    c.json(
      await webhooks.updateEndpoint(
        serviceContext(c),
        c.req.valid("param").id,
        c.req.valid("json"),
        settings(c),
      ),
      200,
    ),
  );
  app.openapi(remove, async (c) => {
    await webhooks.deleteEndpoint(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(secret, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(
      await webhooks.revealSecret(serviceContext(c), c.req.valid("param").id, settings(c)),
      200,
    );
  });
  app.openapi(rotate, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(
      await webhooks.rotateSecret(serviceContext(c), c.req.valid("param").id, settings(c)),
      200,
    );
  });
  app.openapi(test, async (c) =>
    c.json(
      await webhooks.sendTestEvent(serviceContext(c), c.req.valid("param").id, engine(c)),
      200,
    ),
  );
  app.openapi(deliveries, async (c) =>
    c.json(
      await webhooks.listDeliveries(
        serviceContext(c),
        c.req.valid("param").id,
        c.req.valid("query"),
      ),
      200,
    ),
  );
  app.openapi(delivery, async (c) =>
    c.json(await webhooks.getDelivery(serviceContext(c), c.req.valid("param").id), 200),
  );
  app.openapi(resend, async (c) =>
    c.json(
      await webhooks.resendDelivery(serviceContext(c), c.req.valid("param").id, engine(c)),
      200,
    ),
  );
  app.openapi(recent, async (c) => c.json(await webhooks.recentEvents(serviceContext(c)), 200));
  return app;
}

/** Mounted by lib/api/app.ts. */
export const webhooksModule = defineModule({
  prefix: "/api/v1",
  routes: webhookRoutes,
  rules: {
    // Endpoints' replies carry their signing secrets.
    "/webhooks/*": { holdsSecrets: true },
  },
});
