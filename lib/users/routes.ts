import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { IdParam, secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { log } from "@/lib/log";
import { sendInBackground } from "@/lib/mail/transport";
import {
  InvitationCreate,
  InvitationCreated,
  InvitationList,
  MemberList,
  MemberSchema,
  MemberUpdate,
} from "./contract";
import * as team from "./service";
import { defineModule } from "@/lib/api/platform/module";

const tags = ["Team"];

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  summary: "Team members",
  ...secured("team:manage"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(MemberList, "Members"), ...commonErrors },
});
const update = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  summary:
    "Change a member's name, role or status (owners only change owners; the last owner stays)",
  ...secured("team:manage"),
  request: { headers: tenantHeader, params: IdParam, body: jsonBody(MemberUpdate) },
  responses: {
    200: jsonResponse(MemberSchema, "Updated"),
    409: commonErrors[422],
    ...commonErrors,
  },
});
const invite = createRoute({
  method: "post",
  path: "/invitations",
  tags,
  summary: "Invite someone by email; the reply holds the one-time link (shown once)",
  ...secured("team:manage"),
  request: { headers: tenantHeader, body: jsonBody(InvitationCreate) },
  responses: { 201: jsonResponse(InvitationCreated, "Invited"), ...commonErrors },
});
const invitationsList = createRoute({
  method: "get",
  path: "/invitations",
  tags,
  summary: "Pending invitations",
  ...secured("team:manage"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(InvitationList, "Pending"), ...commonErrors },
});
const revoke = createRoute({
  method: "delete",
  path: "/invitations/{id}",
  tags,
  summary: "Withdraw an invitation",
  ...secured("team:manage"),
  request: { headers: tenantHeader, params: IdParam },
  responses: { 204: { description: "Withdrawn" }, ...commonErrors },
});

export function userRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(list, async (c) => c.json(await team.listMembers(serviceContext(c)), 200));
  app.openapi(invitationsList, async (c) =>
    c.json(await team.listInvitations(serviceContext(c)), 200),
  );
  app.openapi(invite, async (c) => {
    const input = c.req.valid("json");
    const { mail, ...created } = await team.inviteMember(
      serviceContext(c),
      input,
      c.var.deps.config.publicUrl,
    );
    // After the commit: a mail failure is logged, and the inviter still has the link.
    const emailed = c.var.deps.mail?.enabled === true && input.send_email !== false;
    if (emailed) sendInBackground(c.var.deps.mail, mail);
    // No mail server is required: the inviter sees the link. Outside production it is logged
    // too, for local development; production logs never hold the token.
    if (process.env.NODE_ENV === "production") {
      log.info("invitation created", {
        tenant: c.var.tenant.slug,
        invitation: created.invitation.id,
      });
    } else {
      log.info("invitation created", {
        tenant: c.var.tenant.slug,
        email: created.invitation.email,
        accept_url: created.accept_url,
      });
    }
    c.header("Cache-Control", "no-store");
    return c.json({ ...created, emailed }, 201);
  });
  app.openapi(revoke, async (c) => {
    await team.revokeInvitation(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(update, async (c) =>
    c.json(
      await team.updateMember(serviceContext(c), c.req.valid("param").id, c.req.valid("json")),
      200,
    ),
  );
  return app;
}

/** Mounted by lib/api/app.ts. */
export const usersModule = defineModule({
  prefix: "/api/v1/users",
  routes: userRoutes,
  rules: {
    // An invitation's reply carries its link.
    "/invitations/*": { holdsSecrets: true },
  },
});
