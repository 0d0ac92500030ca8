import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { AuditList, AuditQuery } from "./contract";
import { listAudit } from "./service";
import { defineModule } from "@/lib/api/platform/module";

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["Audit log"],
  summary: "Who did what, when and from where (owners and admins)",
  ...secured("audit:read"),
  request: { headers: tenantHeader, query: AuditQuery },
  responses: { 200: jsonResponse(AuditList, "A page of entries, newest first"), ...commonErrors },
});

export function auditRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(list, async (c) =>
    c.json(await listAudit(serviceContext(c), c.req.valid("query")), 200),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const auditModule = defineModule({
  prefix: "/api/v1/audit-log",
  routes: auditRoutes,
});
