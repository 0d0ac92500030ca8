import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { IdParam, secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { ApiKeyCreate, ApiKeyList, ApiKeyRoll, ApiKeyWithSecret } from "./contract";
import * as keys from "./service";
import { defineModule } from "@/lib/api/platform/module";

const tags = ["API keys"];

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  summary: "Create a key (the whole key is in this reply only)",
  ...secured("api_keys:manage"),
  request: { headers: tenantHeader, body: jsonBody(ApiKeyCreate) },
  responses: { 201: jsonResponse(ApiKeyWithSecret, "Created"), ...commonErrors },
});
const list = createRoute({
  method: "get",
  path: "/",
  tags,
  summary: "List keys (never the secret: prefix and last four characters)",
  ...secured("api_keys:manage"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(ApiKeyList, "Keys"), ...commonErrors },
});
const roll = createRoute({
  method: "post",
  path: "/{id}/roll",
  tags,
  summary: "Replace a key; the old one works for grace_hours (0-168) more",
  ...secured("api_keys:manage"),
  request: { headers: tenantHeader, params: IdParam, body: jsonBody(ApiKeyRoll) },
  responses: { 201: jsonResponse(ApiKeyWithSecret, "The new key"), ...commonErrors },
});
const revoke = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  summary: "Revoke a key at once",
  ...secured("api_keys:manage"),
  request: { headers: tenantHeader, params: IdParam },
  responses: { 204: { description: "Revoked" }, ...commonErrors },
});

export function apiKeyRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(create, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await keys.createApiKey(serviceContext(c), c.req.valid("json")), 201);
  });
  app.openapi(list, async (c) => c.json(await keys.listApiKeys(serviceContext(c)), 200));
  app.openapi(roll, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(
      await keys.rollApiKey(
        serviceContext(c),
        c.req.valid("param").id,
        c.req.valid("json").grace_hours,
      ),
      201,
    );
  });
  app.openapi(revoke, async (c) => {
    await keys.revokeApiKey(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  return app;
}

/** Mounted by lib/api/app.ts. */
export const apiKeysModule = defineModule({
  prefix: "/api/v1/api-keys",
  routes: apiKeyRoutes,
  rules: {
    // Creating and rolling a key reply with the whole key.
    "/*": { holdsSecrets: true },
  },
});
