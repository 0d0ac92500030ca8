import { PermissionError } from "@/lib/errors";
import type { Actor } from "@/lib/context";
import type { Role } from "@/lib/users/schema";

/** Scopes per resource and action, grantable to API keys; `write` implies `read`. */
export const SCOPES = [
  "products:read",
  "products:write",
  "orders:read",
  "orders:write",
  "payments:read",
  "payments:write",
  "analytics:read",
  "invoices:read",
  "webhooks:read",
  "webhooks:write",
  "apps:read",
] as const;
export type Scope = (typeof SCOPES)[number];

/** Permissions only people hold: never grantable to a key. */
export const STAFF_ONLY = [
  "payments:refund",
  "api_keys:manage",
  "team:manage",
  "owners:manage",
  "settings:write",
  "settings:billing",
  "audit:read",
  "apps:manage",
] as const;
export type Permission = Scope | (typeof STAFF_ONLY)[number];

const READ_ALL: Permission[] = SCOPES.filter((s) => s.endsWith(":read"));
const ALL: Permission[] = [...SCOPES, ...STAFF_ONLY];

/**
 * The role matrix (docs/roles.md). Owner: everything. Admin: all but billing-level settings and
 * managing owners. Staff: products, orders, payments without refunds. Viewer: read-only.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  admin: ALL.filter((p) => p !== "settings:billing" && p !== "owners:manage"),
  staff: [...READ_ALL, "products:write", "orders:write", "payments:write"],
  viewer: READ_ALL,
};

/** Scopes a role may put on a key it creates (a key never holds more than its creator). */
export function grantableScopes(role: Role): Scope[] {
  return SCOPES.filter((s) => ROLE_PERMISSIONS[role].includes(s));
}

/** `x:write` implies `x:read`. */
function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  if (scopes.includes(permission)) return true;
  return permission.endsWith(":read") && scopes.includes(permission.replace(/:read$/, ":write"));
}

export function can(actor: Actor | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.type === "user") return ROLE_PERMISSIONS[actor.role].includes(permission);
  return scopesAllow(actor.scopes, permission);
}

/** The first step of every service verb. */
export function authorize(
  actor: Actor | undefined,
  permission: Permission,
): asserts actor is Actor {
  if (!can(actor, permission)) {
    const scoped = actor?.type === "api_key" || actor?.type === "app";
    throw new PermissionError(
      scoped
        ? `This ${actor.type === "app" ? "app" : "API key"} lacks the "${permission}" scope`
        : `This action needs the "${permission}" permission`,
      scoped ? "INSUFFICIENT_SCOPE" : "INSUFFICIENT_PERMISSION",
    );
  }
}
