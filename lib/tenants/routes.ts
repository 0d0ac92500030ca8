import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { ValidationError } from "@/lib/errors";
import { StoreSettingsUpdate, TenantSchema } from "./contract";
import { getSettings, updateSettings, uploadLogo } from "./service";
import { defineModule, MULTIPART_MARGIN_BYTES } from "@/lib/api/platform/module";
import { MAX_IMAGE_BYTES } from "@/lib/storage";

const tags = ["Store settings"];

const get = createRoute({
  method: "get",
  path: "/",
  tags,
  summary: "The store's settings",
  ...secured("any"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(TenantSchema, "Settings"), ...commonErrors },
});
const update = createRoute({
  method: "patch",
  path: "/",
  tags,
  summary: "Change settings (currency and VAT need an owner)",
  ...secured("settings:write"),
  request: { headers: tenantHeader, body: jsonBody(StoreSettingsUpdate) },
  responses: { 200: jsonResponse(TenantSchema, "Updated"), ...commonErrors },
});
const logo = createRoute({
  method: "post",
  path: "/logo",
  tags,
  summary:
    "Upload the store's logo (PNG, JPEG, WebP or GIF, at most 5 MB) as multipart field `file`",
  ...secured("settings:write"),
  request: {
    headers: tenantHeader,
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
        },
      },
      required: true,
    },
  },
  responses: { 200: jsonResponse(TenantSchema, "Updated"), ...commonErrors },
});

export function settingsRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(get, async (c) => c.json(await getSettings(serviceContext(c)), 200));
  app.openapi(update, async (c) => {
    const tenant = await updateSettings(serviceContext(c), c.req.valid("json"));
    c.var.forgetTenant();
    return c.json(tenant, 200);
  });
  app.openapi(logo, async (c) => {
    const file = (c.req.valid("form") as { file?: unknown }).file;
    if (!(file instanceof File)) {
      throw new ValidationError("Send the image in a field named file", [
        { field: "file", code: "required", message: "Required" },
      ]);
    }
    const tenant = await uploadLogo(
      serviceContext(c),
      c.var.deps.storage,
      new Uint8Array(await file.arrayBuffer()),
    );
    c.var.forgetTenant();
    return c.json(tenant, 200);
  });
  return app;
}

/** Mounted by lib/api/app.ts. */
export const settingsModule = defineModule({
  prefix: "/api/v1/store/settings",
  routes: settingsRoutes,
  rules: { "/logo": { bodyLimit: MAX_IMAGE_BYTES + MULTIPART_MARGIN_BYTES } },
});
