// Switching off an endpoint that is gone or has failed for days (docs/webhooks.md, "Retries").
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { notifyCredentialChanges } from "@/lib/auth/credential-cache";
import { recordEvent } from "@/lib/events/service";
import { log } from "@/lib/log";
import { tenants } from "@/lib/tenants/schema";
import type { EndpointDisabledCode } from "./contract";
import type { EngineDeps } from "./engine";
import { webhookDeliveries, webhookEndpoints } from "./schema";

const DISABLED_REASONS: Record<EndpointDisabledCode, string> = {
  receiver_gone: "The receiver answered 410 Gone",
  failing_for_5_days: "Deliveries failed for 5 days",
};

export async function disableEndpoint(
  tx: Db,
  deps: EngineDeps,
  endpointId: string,
  code: EndpointDisabledCode,
) {
  const reason = DISABLED_REASONS[code];
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, disabledCode: code, updatedAt: deps.now() })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
    .returning();
  if (!endpoint) return;
  await tx
    .update(webhookDeliveries)
    .set({ status: "cancelled", completedAt: deps.now() })
    .where(
      and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "pending")),
    );
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, endpoint.tenantId));
  log.warn("webhook endpoint disabled", { endpoint: endpoint.id, code });
  const ctx: ServiceContext = {
    db: tx,
    tenant: tenant!,
    ip: "system",
    requestId: `webhooks-${randomUUID()}`,
    now: deps.now,
    jobs: deps.jobs,
    credentials: notifyCredentialChanges,
  };
  await recordEvent(tx, ctx, "webhook.endpoint_disabled", {
    id: endpoint.id,
    url: endpoint.url,
    reason,
    code,
    disabled_at: deps.now().toISOString(),
  });
}
