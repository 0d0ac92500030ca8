import { and, count, eq, gt, ne } from "drizzle-orm";
import type { EngineDeps } from "./engine";
import { webhookDeliveries, webhookEndpoints } from "./schema";
import { TIMEOUT_MS as DEFAULT_TIMEOUT_MS } from "./sender";

/** Deliveries one endpoint may have in flight at once, across every worker and instance. */
export const SLOTS_PER_ENDPOINT = 2;

/**
 * Takes one of the endpoint's slots for this delivery. pg-boss's group limit counts active jobs
 * per statement, so two fetches at the same moment can both see a free group and overshoot it;
 * here the endpoint's row lock makes the count and the claim one step. A slot left by a crashed
 * worker frees itself when its lease (the send timeout plus a margin) runs out.
 */
export async function claimSlot(deps: EngineDeps, endpointId: string, deliveryId: string) {
  const now = deps.now();
  const leaseMs = (deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 30_000;
  return deps.db.transaction(async (tx) => {
    await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId))
      .for("update");
    const [held] = await tx
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.endpointId, endpointId),
          gt(webhookDeliveries.inFlightUntil, now),
          ne(webhookDeliveries.id, deliveryId),
        ),
      );
    if ((held?.n ?? 0) >= SLOTS_PER_ENDPOINT) return false;
    await tx
      .update(webhookDeliveries)
      .set({ inFlightUntil: new Date(now.getTime() + leaseMs) })
      .where(eq(webhookDeliveries.id, deliveryId));
    return true;
  });
}
