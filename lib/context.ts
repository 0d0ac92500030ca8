import type { CredentialInvalidation } from "@/lib/auth/credential-cache";
import type { Db } from "@/lib/db/client";
import type { JobSender } from "@/lib/jobs/queue";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";

/**
 * Who is calling: a person, an API key, or a third-party app installed in the store (docs/apps.md),
 * acting with its account token or for one authorised member with a staff token (`staffUserId`).
 */
export type Actor =
  | { type: "user"; userId: string; role: Role; sessionId: string }
  | { type: "api_key"; keyId: string; scopes: readonly string[]; createdBy: string | null }
  | {
      type: "app";
      installId: string;
      appRef: string;
      appName: string;
      scopes: readonly string[];
      staffUserId: string | null;
    };

/** The id that the audit log records for an actor: an app is recorded by its reference. */
export function actorId(actor: Actor): string {
  if (actor.type === "user") return actor.userId;
  return actor.type === "api_key" ? actor.keyId : actor.appRef;
}

/** What every service verb receives: the tenant, the caller, the database. Never HTTP. */
export interface ServiceContext {
  db: Db;
  /** The read replica when there is one (DATABASE_READ_URL): use it through `readsOf(ctx)`. */
  reads?: Db;
  tenant: Tenant;
  actor?: Actor;
  ip: string;
  requestId: string;
  now: () => Date;
  /** Drops cached verifications of the tenant's credentials on every instance (a change to one). */
  credentials: CredentialInvalidation;
  /** Absent where no queue runs (some tests): events are still recorded, just not delivered. */
  jobs?: JobSender;
}

/**
 * Where a list, an export or an analytics query reads: the replica when one is configured, else
 * the primary. Such reads may lag a write by the replica's delay; reads that must see the
 * caller's own write (get-after-create, checks before a change) use `ctx.db`.
 */
export const readsOf = (ctx: Pick<ServiceContext, "db" | "reads">): Db => ctx.reads ?? ctx.db;
