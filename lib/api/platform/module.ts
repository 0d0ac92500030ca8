import type { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env";

/** What a route says about itself; the platform's middleware reads this, never the path. */
export interface RouteRules {
  /** Not tenant-scoped: no X-Tenant-ID (the OpenAPI document, the docs, uploaded files). */
  public?: true;
  /** Its replies carry secrets (tokens, keys, invitation links): never stored for Idempotency-Key. */
  holdsSecrets?: true;
  /** Largest accepted body in bytes, where uploads and imports exceed the configured default. */
  bodyLimit?: number;
  /** Still answered for a suspended store (signing in, /auth/me, the owner's export); else 403. */
  openWhileSuspended?: true;
}

/**
 * A module as the composition root (lib/api/app.ts) mounts it: its routes under `prefix`, and
 * rules keyed by Hono path patterns relative to the prefix (`/*` also matches the prefix itself).
 */
export interface ApiModule {
  prefix: string;
  routes: () => OpenAPIHono<ApiEnv>;
  rules?: Record<string, RouteRules>;
}

export const defineModule = (module: ApiModule): ApiModule => module;

/** Extra room for the multipart framing around an uploaded file. */
export const MULTIPART_MARGIN_BYTES = 64 * 1024;

/** Marks the requests of one route pattern with its rules, ahead of the platform's middleware. */
export const withRouteRules = (rules: RouteRules) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    c.set("routeRules", { ...c.var.routeRules, ...rules });
    await next();
  });

/** `prefix` + `path` as one Hono pattern (`/api/v1/auth` + `/*`). */
export const joinPath = (prefix: string, path: string) =>
  `${prefix.replace(/\/$/, "")}${path === "/" ? "" : path}` || "/";
