/**
 * Routes that make stores: first-run setup, public sign-up and the slug check (public: no
 * X-Tenant-ID, declared in storesModule's rules below), and the owner's data export.
 */
import { readInScope } from "@/lib/db/tenant-scope";
import { randomUUID } from "node:crypto";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "@/lib/api/platform/env";
import { serviceContext } from "@/lib/api/platform/context";
import { secured } from "@/lib/api/platform/route-parts";
import { defineModule } from "@/lib/api/platform/module";
import {
  commonErrors,
  ErrorSchema,
  jsonBody,
  jsonResponse,
  tenantHeader,
} from "@/lib/api/platform/openapi";
import { NotFoundError, RateLimitError } from "@/lib/errors";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { RateLimiterRes, type Limiter, type LimiterFactory } from "@/lib/limiter";
import { StoreCreatedResponse } from "@/lib/auth/contract";
import { issueTokens, type AuthSettings } from "@/lib/auth/service";
import { presentTokens } from "@/lib/auth/routes";
import type { Tenant } from "./schema";
import type { User } from "@/lib/users/schema";
import { SetupRequest, SetupStatus, SignupRequest, SlugAvailability } from "./contract";
import { presentTenant } from "./service";
import { completeSetup, setupNeeded } from "./setup";
import { createStoreWithOwner, ownerContext, slugAvailability } from "./stores";
import { exportStore } from "./export";

const tags = ["Stores"];

/** Per address: setup attempts, sign-up attempts, stores created by sign-up, slug checks. */
const LIMITS = {
  setup: [10, 15 * 60],
  signup: [20, 3600],
  signupCreated: [5, 3600],
  slugCheck: [60, 60],
} as const;

export function storeLimiters(factory: LimiterFactory) {
  return {
    setup: factory.create("stores-setup", ...LIMITS.setup),
    signup: factory.create("stores-signup", ...LIMITS.signup),
    signupCreated: factory.create("stores-signup-created", ...LIMITS.signupCreated),
    slugCheck: factory.create("stores-slug-check", ...LIMITS.slugCheck),
  };
}

function memoryStoreLimiters() {
  const make = (name: string, [points, duration]: readonly [number, number]) =>
    new RateLimiterMemory({ keyPrefix: name, points, duration });
  return {
    setup: make("stores-setup", LIMITS.setup),
    signup: make("stores-signup", LIMITS.signup),
    signupCreated: make("stores-signup-created", LIMITS.signupCreated),
    slugCheck: make("stores-slug-check", LIMITS.slugCheck),
  };
}

async function consume(limiter: Limiter, key: string) {
  try {
    await limiter.consume(key);
  } catch (rejected) {
    if (!(rejected instanceof RateLimiterRes)) throw rejected;
    throw new RateLimitError(Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)));
  }
}

async function assertUnder(limiter: Limiter, key: string) {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points)
    throw new RateLimitError(
      Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      "Too many stores created from this address; try again later",
    );
}

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      { description: "Error", content: { "application/json": { schema: ErrorSchema } } },
    ]),
  );

const getSetup = createRoute({
  method: "get",
  path: "/setup",
  tags,
  summary: "Whether this installation still needs its first store, and whether sign-up is open",
  responses: { 200: jsonResponse(SetupStatus, "Setup status"), ...errors(429) },
});

const postSetup = createRoute({
  method: "post",
  path: "/setup",
  tags,
  summary:
    "Create the first store and its owner, with the setup code printed in the server's log; signs the owner in",
  request: { body: jsonBody(SetupRequest) },
  responses: {
    201: jsonResponse(StoreCreatedResponse, "Store created, owner signed in"),
    ...errors(403, 409, 422, 429),
  },
});

const slugCheck = createRoute({
  method: "get",
  path: "/stores/slug-availability",
  tags,
  summary: "Whether a store ID can be taken (format, reserved words, other stores)",
  request: { query: z.object({ slug: z.string().max(200) }) },
  responses: { 200: jsonResponse(SlugAvailability, "Availability"), ...errors(422, 429) },
});

const postSignup = createRoute({
  method: "post",
  path: "/signup",
  tags,
  summary: "Create a store and its owner (only when the operator set SIGNUP=open)",
  request: { body: jsonBody(SignupRequest) },
  responses: {
    201: jsonResponse(StoreCreatedResponse, "Store created, owner signed in"),
    ...errors(404, 409, 422, 429),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Store settings"],
  summary:
    "Everything the store holds as one zip of JSON and CSV files (owner only, audited); X-Export-Rows gives the total rows",
  ...secured("people"),
  request: { headers: tenantHeader },
  responses: {
    200: {
      description: "The archive, streamed",
      content: {
        "application/zip": { schema: z.any().openapi({ type: "string", format: "binary" }) },
      },
    },
    ...commonErrors,
  },
});

function authSettings(c: Context<ApiEnv>): AuthSettings {
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
}

async function signIn(c: Context<ApiEnv>, tenant: Tenant, user: User) {
  const { db, now, credentials } = c.var.deps;
  const ctx = ownerContext(db, tenant, user, {
    ip: c.var.clientIp,
    requestId: c.var.requestId,
    now,
    credentials,
  });
  const tokens = await db.transaction((tx) =>
    issueTokens(tx, ctx, user, randomUUID(), authSettings(c)),
  );
  c.header("Cache-Control", "no-store");
  return { store: presentTenant(tenant), ...presentTokens(tokens) };
}

export function setupRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  let fallback: ReturnType<typeof memoryStoreLimiters> | undefined;
  const limiters = (c: Context<ApiEnv>) =>
    c.var.deps.limiters.stores ?? (fallback ??= memoryStoreLimiters());

  app.openapi(getSetup, async (c) =>
    c.json(
      {
        needed: await setupNeeded(c.var.deps.db),
        signup: c.var.deps.config.signup === "open" ? ("open" as const) : ("closed" as const),
        mail: c.var.deps.mail?.enabled ? ("on" as const) : ("off" as const),
      },
      200,
    ),
  );

  app.openapi(postSetup, async (c) => {
    await consume(limiters(c).setup, c.var.clientIp);
    const body = c.req.valid("json");
    const { tenant, user } = await completeSetup(
      c.var.deps.db,
      {
        setupCode: body.setup_code,
        store: {
          slug: body.store.slug,
          nameEn: body.store.name.en,
          nameAr: body.store.name.ar,
          currency: body.store.currency,
          timeZone: body.store.timezone,
          vatRate: body.store.vat_rate,
          pricesIncludeVat: body.store.prices_include_vat,
          vatNumber: body.store.vat_number,
          defaultLocale: body.store.default_locale,
        },
        owner: body.owner,
      },
      { now: c.var.deps.now(), ip: c.var.clientIp, requestId: c.var.requestId },
    );
    return c.json(await signIn(c, tenant, user), 201);
  });

  app.openapi(slugCheck, async (c) => {
    await consume(limiters(c).slugCheck, c.var.clientIp);
    return c.json(await slugAvailability(c.var.deps.db, c.req.valid("query").slug), 200);
  });

  app.openapi(postSignup, async (c) => {
    if (c.var.deps.config.signup !== "open")
      throw new NotFoundError("Sign-up is closed on this installation", "SIGNUP_CLOSED");
    const l = limiters(c);
    await consume(l.signup, c.var.clientIp);
    await assertUnder(l.signupCreated, c.var.clientIp);
    const body = c.req.valid("json");
    const { tenant, user } = await createStoreWithOwner(
      c.var.deps.db,
      {
        slug: body.store.slug,
        nameEn: body.store.name.en,
        nameAr: body.store.name.ar,
        currency: body.store.currency,
        defaultLocale: body.store.default_locale,
      },
      body.owner,
      { now: c.var.deps.now(), ip: c.var.clientIp, requestId: c.var.requestId, via: "signup" },
    );
    await l.signupCreated.consume(c.var.clientIp).catch(() => {});
    return c.json(await signIn(c, tenant, user), 201);
  });

  return app;
}

export function exportRoutes() {
  const app = new OpenAPIHono<ApiEnv>();
  app.openapi(exportRoute, async (c) => {
    const archive = await exportStore(serviceContext(c));
    // Read page by page after this handler returns: in this store's scope (row-level security).
    return new Response(readInScope(archive.stream), {
      status: 200,
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${archive.filename}"`,
        "X-Export-Rows": String(archive.rows),
        "Access-Control-Expose-Headers": "X-Export-Rows, Content-Disposition",
        "Cache-Control": "no-store",
      },
    }) as never;
  });
  return app;
}

/** Mounted by lib/api/app.ts: making a store names no store yet, so these are public. */
export const storesModule = defineModule({
  prefix: "/api/v1",
  routes: setupRoutes,
  rules: {
    // Setup and sign-up replies carry the new owner's tokens: never stored for Idempotency-Key.
    "/setup": { public: true, holdsSecrets: true },
    "/signup": { public: true, holdsSecrets: true },
    "/stores/slug-availability": { public: true },
  },
});

/** The owner's archive; a suspended store still answers it, so the owner can leave with the data. */
export const exportModule = defineModule({
  prefix: "/api/v1/store/export",
  routes: exportRoutes,
  rules: { "/": { openWhileSuspended: true } },
});
