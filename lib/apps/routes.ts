// The apps module's four route groups, mounted as four modules (bottom of the file): developer
// accounts for the signed-in person, the developer's own installed-accounts call, the store's
// directory and installs, and a staff app's /{account}/authorise. They share the path parameters,
// the header schemas and appsSettings(); kept in one file (about 435 lines) so the module's whole HTTP
// surface reads in one place, as lib/webhooks/routes.ts does. Split by group if it grows further.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { secured } from "@/lib/api/platform/route-parts";
import { commonErrors, jsonBody, jsonResponse, tenantHeader } from "@/lib/api/platform/openapi";
import { defineModule } from "@/lib/api/platform/module";
import { NotFoundError, PermissionError } from "@/lib/errors";
import { findTenantBySlug } from "@/lib/tenants/service";
import {
  AppCreate,
  AppList,
  AppSchema,
  AppStaffList,
  AppUpdate,
  AuthoriseInput,
  AuthoriseResult,
  CallbackList,
  DeveloperCreate,
  DeveloperList,
  DeveloperSchema,
  DeveloperSecret,
  DeveloperWithSecret,
  InstalledAccounts,
  StoreAppList,
  StoreAppSchema,
} from "./contract";
import * as apps from "./service";
import { APP_HEADERS, type AppsSettings } from "./service";

/** The module's settings from the API's dependencies. */
export function appsSettings(c: Context<ApiEnv>): AppsSettings {
  const { deps } = c.var;
  return {
    encryptionKey: deps.webhooks.encryptionKey,
    allowPrivate: deps.webhooks.allowPrivate,
    publicUrl: deps.config.publicUrl,
  };
}

const RefParam = z.object({
  ref: z.string().openapi({ param: { name: "ref", in: "path" }, example: "sahara" }),
});
const AppRefParam = z.object({
  app_ref: z.string().openapi({ param: { name: "app_ref", in: "path" }, example: "parcelforce" }),
});
const DeveloperAppParams = RefParam.merge(AppRefParam);
const StaffParams = AppRefParam.extend({
  user_id: z.string().openapi({ param: { name: "user_id", in: "path" } }),
});

// Developer accounts and their apps, for the signed-in person who registered them.

const developerTags = ["Developers"];
const registerDeveloper = createRoute({
  method: "post",
  path: "/",
  tags: developerTags,
  summary: "Register as a developer (the secret is in this reply only)",
  ...secured("people"),
  request: { headers: tenantHeader, body: jsonBody(DeveloperCreate) },
  responses: { 201: jsonResponse(DeveloperWithSecret, "Registered"), ...commonErrors },
});
const listDevelopers = createRoute({
  method: "get",
  path: "/",
  tags: developerTags,
  summary: "Your developer accounts",
  ...secured("people"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(DeveloperList, "Developer accounts"), ...commonErrors },
});
const getDeveloper = createRoute({
  method: "get",
  path: "/{ref}",
  tags: developerTags,
  summary: "One of your developer accounts (never its secret)",
  ...secured("people"),
  request: { headers: tenantHeader, params: RefParam },
  responses: { 200: jsonResponse(DeveloperSchema, "Developer"), ...commonErrors },
});
const rotateSecret = createRoute({
  method: "post",
  path: "/{ref}/rotate-secret",
  tags: developerTags,
  summary: "Replace the developer secret; re-sign every account token with the new one",
  ...secured("people"),
  request: { headers: tenantHeader, params: RefParam },
  responses: { 200: jsonResponse(DeveloperSecret, "The new secret, shown once"), ...commonErrors },
});
const createApp = createRoute({
  method: "post",
  path: "/{ref}/apps",
  tags: developerTags,
  summary: "Create an app",
  ...secured("people"),
  request: { headers: tenantHeader, params: RefParam, body: jsonBody(AppCreate) },
  responses: { 201: jsonResponse(AppSchema, "Created"), ...commonErrors },
});
const listApps = createRoute({
  method: "get",
  path: "/{ref}/apps",
  tags: developerTags,
  summary: "The developer's apps",
  ...secured("people"),
  request: { headers: tenantHeader, params: RefParam },
  responses: { 200: jsonResponse(AppList, "Apps"), ...commonErrors },
});
const getApp = createRoute({
  method: "get",
  path: "/{ref}/apps/{app_ref}",
  tags: developerTags,
  summary: "One app",
  ...secured("people"),
  request: { headers: tenantHeader, params: DeveloperAppParams },
  responses: { 200: jsonResponse(AppSchema, "App"), ...commonErrors },
});
const updateApp = createRoute({
  method: "patch",
  path: "/{ref}/apps/{app_ref}",
  tags: developerTags,
  summary: "Change an app (narrowed scopes apply to every install at once)",
  ...secured("people"),
  request: { headers: tenantHeader, params: DeveloperAppParams, body: jsonBody(AppUpdate) },
  responses: { 200: jsonResponse(AppSchema, "Changed"), ...commonErrors },
});
const personInstalledAccounts = createRoute({
  method: "get",
  path: "/{ref}/apps/{app_ref}/installed-accounts",
  tags: developerTags,
  summary: "The stores that installed an app, with their unsigned account tokens",
  ...secured("people"),
  request: { headers: tenantHeader, params: DeveloperAppParams },
  responses: { 200: jsonResponse(InstalledAccounts, "Installed accounts"), ...commonErrors },
});

export function developerRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(registerDeveloper, async (c) => {
    c.header("Cache-Control", "no-store");
    const body = c.req.valid("json");
    return c.json(await apps.registerDeveloper(serviceContext(c), appsSettings(c), body), 201);
  });
  app.openapi(listDevelopers, async (c) =>
    c.json(await apps.listDevelopers(serviceContext(c), appsSettings(c)), 200),
  );
  app.openapi(getDeveloper, async (c) => {
    const { ref } = c.req.valid("param");
    return c.json(await apps.getDeveloper(serviceContext(c), appsSettings(c), ref), 200);
  });
  app.openapi(rotateSecret, async (c) => {
    c.header("Cache-Control", "no-store");
    const { ref } = c.req.valid("param");
    return c.json(await apps.rotateDeveloperSecret(serviceContext(c), appsSettings(c), ref), 200);
  });
  app.openapi(createApp, async (c) => {
    const { ref } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await apps.createApp(serviceContext(c), appsSettings(c), ref, body), 201);
  });
  app.openapi(listApps, async (c) =>
    c.json(await apps.listDeveloperApps(serviceContext(c), c.req.valid("param").ref), 200),
  );
  app.openapi(getApp, async (c) => {
    const { ref, app_ref } = c.req.valid("param");
    return c.json(await apps.getDeveloperApp(serviceContext(c), ref, app_ref), 200);
  });
  app.openapi(updateApp, async (c) => {
    const { ref, app_ref } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(
      await apps.updateApp(serviceContext(c), appsSettings(c), ref, app_ref, body),
      200,
    );
  });
  app.openapi(personInstalledAccounts, async (c) => {
    c.header("Cache-Control", "no-store");
    const { ref, app_ref } = c.req.valid("param");
    return c.json(
      await apps.installedAccountsForPerson(serviceContext(c), appsSettings(c), ref, app_ref),
      200,
    );
  });
  return app;
}

// The developer's own calls: no store, the developer headers instead of a sign-in.

const DeveloperHeaders = z.object({
  [APP_HEADERS.developerRef]: z
    .string()
    .optional()
    .openapi({ param: { name: APP_HEADERS.developerRef, in: "header" }, example: "sahara" }),
  [APP_HEADERS.developerToken]: z
    .string()
    .optional()
    .openapi({
      param: {
        name: APP_HEADERS.developerToken,
        in: "header",
        description: "The developer token signed with the developer secret",
      },
    }),
});
const developerInstalledAccounts = createRoute({
  method: "get",
  path: "/apps/{app_ref}/installed-accounts",
  tags: developerTags,
  summary: "Installed accounts API: the stores that installed an app, with unsigned tokens",
  security: [{ developerRef: [], developerToken: [] }],
  request: { headers: DeveloperHeaders, params: AppRefParam },
  responses: { 200: jsonResponse(InstalledAccounts, "Installed accounts"), ...commonErrors },
});

export function developerApiRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(developerInstalledAccounts, async (c) => {
    c.header("Cache-Control", "no-store");
    const settings = appsSettings(c);
    const developer = await apps.verifyDeveloperCall(
      c.var.deps.db,
      settings,
      c.req.header(APP_HEADERS.developerRef),
      c.req.header(APP_HEADERS.developerToken),
    );
    const { app_ref } = c.req.valid("param");
    return c.json(
      await apps.installedAccountsForDeveloper(c.var.deps.db, settings, developer, app_ref),
      200,
    );
  });
  return app;
}

// The store's side: its directory, installs, callbacks and staff.

const storeTags = ["Apps"];
const listStoreApps = createRoute({
  method: "get",
  path: "/",
  tags: storeTags,
  summary: "The app directory, installed apps first",
  ...secured("apps:read"),
  request: { headers: tenantHeader },
  responses: { 200: jsonResponse(StoreAppList, "Apps"), ...commonErrors },
});
const getStoreApp = createRoute({
  method: "get",
  path: "/{app_ref}",
  tags: storeTags,
  summary: "One app and its install in this store",
  ...secured("apps:read"),
  request: { headers: tenantHeader, params: AppRefParam },
  responses: { 200: jsonResponse(StoreAppSchema, "App"), ...commonErrors },
});
const install = createRoute({
  method: "post",
  path: "/{app_ref}/install",
  tags: storeTags,
  summary: "Install an app: its account token goes to its install callback URL",
  ...secured("apps:manage"),
  request: { headers: tenantHeader, params: AppRefParam },
  responses: { 201: jsonResponse(StoreAppSchema, "Installed"), ...commonErrors },
});
const uninstall = createRoute({
  method: "delete",
  path: "/{app_ref}/install",
  tags: storeTags,
  summary: "Uninstall an app: its tokens stop working at once",
  ...secured("apps:manage"),
  request: { headers: tenantHeader, params: AppRefParam },
  responses: { 204: { description: "Uninstalled" }, ...commonErrors },
});
const callbacks = createRoute({
  method: "get",
  path: "/{app_ref}/callbacks",
  tags: storeTags,
  summary: "The install and uninstall callbacks sent to the app, with every attempt",
  ...secured("apps:read"),
  request: { headers: tenantHeader, params: AppRefParam },
  responses: { 200: jsonResponse(CallbackList, "Callbacks"), ...commonErrors },
});
const staff = createRoute({
  method: "get",
  path: "/{app_ref}/staff",
  tags: storeTags,
  summary: "The store's members and whether each may use this staff app",
  ...secured("apps:manage"),
  request: { headers: tenantHeader, params: AppRefParam },
  responses: { 200: jsonResponse(AppStaffList, "Members"), ...commonErrors },
});
const authoriseMember = createRoute({
  method: "put",
  path: "/{app_ref}/staff/{user_id}",
  tags: storeTags,
  summary: "Authorise a member to use this staff app",
  ...secured("apps:manage"),
  request: { headers: tenantHeader, params: StaffParams },
  responses: { 204: { description: "Authorised" }, ...commonErrors },
});
const revokeMember = createRoute({
  method: "delete",
  path: "/{app_ref}/staff/{user_id}",
  tags: storeTags,
  summary: "End a member's use of this staff app (their staff tokens stop at once)",
  ...secured("apps:manage"),
  request: { headers: tenantHeader, params: StaffParams },
  responses: { 204: { description: "Revoked" }, ...commonErrors },
});

export function storeAppRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(listStoreApps, async (c) => c.json(await apps.listStoreApps(serviceContext(c)), 200));
  app.openapi(getStoreApp, async (c) =>
    c.json(await apps.getStoreApp(serviceContext(c), c.req.valid("param").app_ref), 200),
  );
  app.openapi(install, async (c) => {
    const { app_ref } = c.req.valid("param");
    return c.json(await apps.installApp(serviceContext(c), appsSettings(c), app_ref), 201);
  });
  app.openapi(uninstall, async (c) => {
    await apps.uninstallApp(serviceContext(c), appsSettings(c), c.req.valid("param").app_ref);
    return c.body(null, 204);
  });
  app.openapi(callbacks, async (c) =>
    c.json(await apps.listCallbacks(serviceContext(c), c.req.valid("param").app_ref), 200),
  );
  app.openapi(staff, async (c) =>
    c.json(await apps.listAppStaff(serviceContext(c), c.req.valid("param").app_ref), 200),
  );
  app.openapi(authoriseMember, async (c) => {
    const { app_ref, user_id } = c.req.valid("param");
    await apps.authoriseStaff(serviceContext(c), app_ref, user_id);
    return c.body(null, 204);
  });
  app.openapi(revokeMember, async (c) => {
    const { app_ref, user_id } = c.req.valid("param");
    await apps.revokeStaff(serviceContext(c), appsSettings(c), app_ref, user_id);
    return c.body(null, 204);
  });
  return app;
}

// A staff app signs a member in: the store is in the path, as the Brightpearl model has it.

const AccountParam = z.object({
  account: z.string().openapi({
    param: { name: "account", in: "path", description: "The store's ID (slug)" },
    example: "demo",
  }),
});
const AppRefHeaders = z.object({
  [APP_HEADERS.developerRef]: z
    .string()
    .optional()
    .openapi({ param: { name: APP_HEADERS.developerRef, in: "header" }, example: "sahara" }),
  [APP_HEADERS.appRef]: z
    .string()
    .optional()
    .openapi({ param: { name: APP_HEADERS.appRef, in: "header" }, example: "parcelforce" }),
});
const authorise = createRoute({
  method: "post",
  path: "/{account}/authorise",
  tags: storeTags,
  summary: "Staff apps: a member's email and password for a staff token",
  security: [{ developerRef: [], appRef: [] }],
  request: { headers: AppRefHeaders, params: AccountParam, body: jsonBody(AuthoriseInput) },
  responses: { 200: jsonResponse(AuthoriseResult, "The staff token"), ...commonErrors },
});

export function authoriseRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(authorise, async (c) => {
    c.header("Cache-Control", "no-store");
    const { limiters, db } = c.var.deps;
    const slug = c.req.valid("param").account.trim().toLowerCase();
    const tenant = await findTenantBySlug(db, slug);
    if (!tenant) throw new NotFoundError(`No store with the ID "${slug}"`, "TENANT_NOT_FOUND");
    if (tenant.status === "suspended")
      throw new PermissionError("This store is suspended", "STORE_SUSPENDED");
    c.set("tenant", tenant);
    const { apiAccountCredentials } = c.req.valid("json");
    return c.json(
      await apps.authoriseStaffMember(
        serviceContext(c),
        appsSettings(c),
        {
          throttle: {
            accountIp: limiters.loginAccountIp,
            account: limiters.loginAccount,
            ip: limiters.loginIp,
          },
        },
        {
          developerRef: c.req.header(APP_HEADERS.developerRef),
          appRef: c.req.header(APP_HEADERS.appRef),
        },
        apiAccountCredentials,
      ),
      200,
    );
  });
  return app;
}

/** Mounted by lib/api/app.ts. */
export const developersModule = defineModule({
  prefix: "/api/v1/developers",
  routes: developerRoutes,
  // Registering, rotating and the installed accounts reply with secrets and tokens.
  rules: { "/*": { holdsSecrets: true } },
});

export const developerApiModule = defineModule({
  prefix: "/api/v1/developer",
  routes: developerApiRoutes,
  rules: { "/*": { public: true, holdsSecrets: true } },
});

export const storeAppsModule = defineModule({
  prefix: "/api/v1/apps",
  routes: storeAppRoutes,
});

export const authoriseModule = defineModule({
  prefix: "/api/v1",
  routes: authoriseRoutes,
  rules: { "/:account/authorise": { public: true, holdsSecrets: true } },
});
