import type { CredentialInvalidation } from "@/lib/auth/credential-cache";
import type { Db } from "@/lib/db/client";
import type { JobSender } from "@/lib/jobs/queue";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";

/** Who is calling. Apps join this union in their own module. */
export type Actor =
  | { type: "user"; userId: string; role: Role; sessionId: string }
  | { type: "api_key"; keyId: string; scopes: readonly string[]; createdBy: string | null };

/** The id that the audit log records for an actor. */
export function actorId(actor: Actor): string {
  return actor.type === "user" ? actor.userId : actor.keyId;
}

/** What every service verb receives: the tenant, the caller, the database. Never HTTP. */
export interface ServiceContext {
  db: Db;
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
