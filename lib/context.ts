import type { Db } from "@/lib/db/client";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";

/** Who is calling. API keys and apps join this union in their own modules. */
export type Actor = { type: "user"; userId: string; role: Role; sessionId: string };

/** What every service verb receives: the tenant, the caller, the database. Never HTTP. */
export interface ServiceContext {
  db: Db;
  tenant: Tenant;
  actor?: Actor;
  ip: string;
  requestId: string;
  now: () => Date;
}
