import type { Context } from "hono";
import type { ServiceContext } from "@/lib/context";
import type { ApiEnv } from "./env";

/** The bridge from a request to a service call: tenant, actor, db; nothing else of HTTP. */
export function serviceContext(c: Context<ApiEnv>): ServiceContext {
  const { deps } = c.var;
  return {
    db: deps.db,
    reads: deps.readDb,
    tenant: c.var.tenant,
    actor: c.get("actor"),
    ip: c.var.clientIp,
    requestId: c.var.requestId,
    now: deps.now,
    jobs: deps.jobs,
    credentials: deps.credentials,
  };
}
