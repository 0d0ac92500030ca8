import { PermissionError } from "@/lib/errors";
import type { Actor } from "@/lib/context";
import type { Role } from "@/lib/users/schema";

/** Scopes per resource and action; `write` implies `read`. API keys carry a subset (issue 5). */
export const SCOPES = [
  "products:read",
  "products:write",
  "orders:read",
  "orders:write",
  "payments:read",
  "payments:write",
  "analytics:read",
  "webhooks:read",
  "webhooks:write",
  "apps:read",
] as const;
export type Scope = (typeof SCOPES)[number];

const READ_ALL = SCOPES.filter((s) => s.endsWith(":read"));

/** The role matrix (docs/roles.md): owner and admin everything; staff runs the shop; viewer reads. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: SCOPES,
  admin: SCOPES,
  staff: [...READ_ALL, "products:write", "orders:write", "payments:write"],
  viewer: READ_ALL,
};

export function can(actor: Actor | undefined, scope: Scope): boolean {
  if (!actor) return false;
  return ROLE_SCOPES[actor.role].includes(scope);
}

/** The first step of every service verb. */
export function authorize(actor: Actor | undefined, scope: Scope): asserts actor is Actor {
  if (!can(actor, scope)) {
    throw new PermissionError(
      `This action needs the "${scope}" permission`,
      "INSUFFICIENT_PERMISSION",
    );
  }
}
