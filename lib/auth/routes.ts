import { randomUUID } from "node:crypto";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { AcceptInvitation, InvitationPreview } from "@/lib/users/contract";
import { acceptInvitation, previewInvitation } from "@/lib/users/service";
import type { ApiEnv } from "@/lib/api/platform/env";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { serviceContext } from "@/lib/api/platform/context";
import { authenticate } from "@/lib/api/platform/middleware/authenticate";
import { secured } from "@/lib/api/platform/route-parts";
import { presentTenant } from "@/lib/tenants/service";
import type { User } from "@/lib/users/schema";
import { memberJoinedNotices } from "@/lib/users/notices";
import { memoryLimiters } from "@/lib/limiter";
import { sendInBackground } from "@/lib/mail/transport";
import {
  confirmPasswordReset,
  passwordResetLimiters,
  requestPasswordReset,
  type ResetSettings,
} from "./password-reset";
import {
  DisplayPreferencesSchema,
  DisplayPreferencesUpdate,
  LoginRequest,
  LogoutRequest,
  MeResponse,
  PasswordResetAccepted,
  PasswordResetConfirm,
  PasswordResetRequest,
  RefreshRequest,
  TokenResponse,
} from "./contract";
import * as auth from "./service";
import type { AuthSettings, IssuedTokens } from "./service";
import { defineModule } from "@/lib/api/platform/module";

const tags = ["Authentication"];

const loginRoute = createRoute({
  method: "post",
  path: "/login",
  tags,
  summary: "Sign in with email and password",
  request: { headers: tenantHeader, body: jsonBody(LoginRequest) },
  responses: { 200: jsonResponse(TokenResponse, "Signed in"), ...commonErrors },
});

const refreshRoute = createRoute({
  method: "post",
  path: "/refresh",
  tags,
  summary: "Trade a refresh token for a new pair (the old one stops working)",
  request: { headers: tenantHeader, body: jsonBody(RefreshRequest) },
  responses: { 200: jsonResponse(TokenResponse, "New tokens"), ...commonErrors },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/logout",
  tags,
  summary: "Sign out: revoke the refresh token's session (or the bearer token's session)",
  request: {
    headers: tenantHeader,
    body: { content: { "application/json": { schema: LogoutRequest } }, required: false },
  },
  responses: { 204: { description: "Signed out" }, ...commonErrors },
});

const previewInvitationRoute = createRoute({
  method: "post",
  path: "/invitation",
  tags,
  summary: "What an invitation link is for (email, role), before accepting it",
  request: {
    headers: tenantHeader,
    body: jsonBody(z.object({ token: z.string().min(1).max(200) })),
  },
  responses: { 200: jsonResponse(InvitationPreview, "The invitation"), ...commonErrors },
});

const acceptInvitationRoute = createRoute({
  method: "post",
  path: "/accept-invitation",
  tags,
  summary: "Accept an invitation: create the account and sign in",
  request: { headers: tenantHeader, body: jsonBody(AcceptInvitation) },
  responses: { 200: jsonResponse(TokenResponse, "Account created, signed in"), ...commonErrors },
});

const passwordResetRoute = createRoute({
  method: "post",
  path: "/password-reset",
  tags,
  summary: "Forgot password: email a one-time link (valid an hour) to choose a new password",
  description:
    "Answers 202 whether or not the email has an account, so nobody learns who has one. 409 MAIL_DISABLED when the server does not send email (no SMTP_URL); 429 after 5 requests an hour for one email or 20 from one address.",
  request: { headers: tenantHeader, body: jsonBody(PasswordResetRequest) },
  responses: {
    202: jsonResponse(PasswordResetAccepted, "Sent if the account exists"),
    409: commonErrors[422],
    ...commonErrors,
  },
});

const passwordResetConfirmRoute = createRoute({
  method: "post",
  path: "/password-reset/confirm",
  tags,
  summary: "Set a new password with a reset link's token; every session of the person ends",
  description:
    "The token works once, for an hour: 401 RESET_TOKEN_INVALID otherwise. The person is emailed that their password changed.",
  request: { headers: tenantHeader, body: jsonBody(PasswordResetConfirm) },
  responses: { 204: { description: "Password changed; sign in again" }, ...commonErrors },
});

const meRoute = createRoute({
  method: "get",
  path: "/me",
  tags,
  summary: "The signed-in user and their store",
  security: secured("people").security,
  middleware: [authenticate] as const,
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(MeResponse, "The current user"), ...commonErrors },
});

const updatePreferencesRoute = createRoute({
  method: "patch",
  path: "/me/preferences",
  tags,
  summary: "Change how the admin shows you numbers and dates (digits, calendar)",
  description:
    "The signed-in user's own setting; keys left out keep their value. An API key has no person: 403 USER_SESSION_REQUIRED.",
  security: secured("people").security,
  middleware: [authenticate] as const,
  request: { headers: tenantHeader, body: jsonBody(DisplayPreferencesUpdate) },
  responses: {
    200: jsonResponse(DisplayPreferencesSchema, "The preferences now in force"),
    ...commonErrors,
  },
});

export const presentUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

export const presentTokens = (t: IssuedTokens) => ({
  access_token: t.accessToken,
  refresh_token: t.refreshToken,
  token_type: "bearer" as const,
  expires_in: t.expiresIn,
  user: presentUser(t.user),
});

export function authRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  const settings = (c: { var: ApiEnv["Variables"] }): AuthSettings => {
    const { config, limiters } = c.var.deps;
    return {
      secret: config.authSecret,
      accessTtlSeconds: config.accessTokenTtlSeconds,
      refreshTtlSeconds: config.refreshTokenTtlSeconds,
      throttle: {
        accountIp: limiters.loginAccountIp,
        account: limiters.loginAccount,
        ip: limiters.loginIp,
      },
    };
  };

  let resetFallback: ReturnType<typeof passwordResetLimiters> | undefined;
  const resetSettings = (c: { var: ApiEnv["Variables"] }): ResetSettings => ({
    throttle:
      c.var.deps.limiters.passwordReset ??
      (resetFallback ??= passwordResetLimiters(memoryLimiters())),
    mailOn: c.var.deps.mail?.enabled === true,
    publicUrl: c.var.deps.config.publicUrl,
  });

  app.openapi(passwordResetRoute, async (c) => {
    const mail = await requestPasswordReset(
      serviceContext(c),
      c.req.valid("json"),
      resetSettings(c),
    );
    if (mail) sendInBackground(c.var.deps.mail, mail);
    return c.json(
      {
        detail:
          "If this email has an account in this store, a link to choose a new password is on its way",
      },
      202,
    );
  });

  app.openapi(passwordResetConfirmRoute, async (c) => {
    const ctx = serviceContext(c);
    // Guessing tokens spends the address's sign-in budget, as wrong passwords do.
    const { mail } = await auth.throttledByAddress(ctx, settings(c), () =>
      confirmPasswordReset(ctx, c.req.valid("json"), c.var.deps.config.publicUrl),
    );
    sendInBackground(c.var.deps.mail, mail);
    return c.body(null, 204);
  });

  app.openapi(loginRoute, async (c) => {
    const tokens = await auth.login(serviceContext(c), c.req.valid("json"), settings(c));
    c.header("Cache-Control", "no-store");
    return c.json(presentTokens(tokens), 200);
  });

  app.openapi(refreshRoute, async (c) => {
    const { refresh_token } = c.req.valid("json");
    const tokens = await auth.refresh(
      serviceContext(c),
      { refreshToken: refresh_token },
      settings(c),
    );
    c.header("Cache-Control", "no-store");
    return c.json(presentTokens(tokens), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    // The body is optional; when absent the validator leaves nothing to read.
    const body: { refresh_token?: string } = c.req.valid("json") ?? {};
    let ctx = serviceContext(c);
    if (!body.refresh_token) {
      // Without a refresh token, the bearer token says which session to end.
      await authenticate(c, async () => {});
      ctx = serviceContext(c);
    }
    await auth.logout(ctx, { refreshToken: body.refresh_token });
    return c.body(null, 204);
  });

  app.openapi(previewInvitationRoute, async (c) =>
    c.json(await previewInvitation(serviceContext(c), c.req.valid("json").token), 200),
  );

  app.openapi(acceptInvitationRoute, async (c) => {
    const ctx = serviceContext(c);
    const user = await auth.throttledByAddress(ctx, settings(c), () =>
      acceptInvitation(ctx, c.req.valid("json")),
    );
    const tokens = await ctx.db.transaction((tx) =>
      auth.issueTokens(tx, ctx, user, randomUUID(), settings(c)),
    );
    if (c.var.deps.mail?.enabled) {
      for (const notice of await memberJoinedNotices(ctx, user, c.var.deps.config.publicUrl))
        sendInBackground(c.var.deps.mail, notice);
    }
    c.header("Cache-Control", "no-store");
    return c.json(presentTokens(tokens), 200);
  });

  app.openapi(meRoute, async (c) => {
    const ctx = serviceContext(c);
    const user = await auth.me(ctx);
    return c.json(
      {
        user: presentUser(user),
        preferences: auth.displayPreferences(user),
        tenant: presentTenant(ctx.tenant),
        store_status: ctx.tenant.status === "suspended" ? "suspended" : "active",
      } as const,
      200,
    );
  });

  app.openapi(updatePreferencesRoute, async (c) =>
    c.json(await auth.updatePreferences(serviceContext(c), c.req.valid("json")), 200),
  );

  return app;
}

/** Mounted by lib/api/app.ts. */
export const authModule = defineModule({
  prefix: "/api/v1/auth",
  routes: authRoutes,
  rules: {
    // Every reply here carries tokens or invitation details. A suspended store's members can
    // still sign in and read /auth/me (which then says store_status "suspended").
    "/*": { holdsSecrets: true, openWhileSuspended: true },
  },
});
