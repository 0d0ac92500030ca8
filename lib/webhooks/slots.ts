import { and, eq, gt } from "drizzle-orm";
import type { EngineDeps } from "./engine";
import { webhookDeliveries, webhookEndpoints } from "./schema";
import { TIMEOUT_MS as DEFAULT_TIMEOUT_MS } from "./sender";

/** Deliveries one endpoint may have in flight at once, across every worker and instance. */
export const SLOTS_PER_ENDPOINT = 2;

const LEASE_MARGIN_MS = 5_000;

/**
 * Takes one of the endpoint's slots for this delivery. pg-boss's group limit counts active jobs
 * per statement, so two fetches at the same moment can both see a free group and overshoot it;
 * here the endpoint's row lock makes the count and the claim one step. A delivery that already
 * holds a slot is refused too: that is pg-boss running an expired job again while its first run
 * still sends, and letting it through put the same delivery on the wire twice. A slot left by a
 * crashed worker frees itself when its lease (the send timeout plus a margin) runs out; only then
 * is that delivery sent again.
 */
export async function claimSlot(deps: EngineDeps, endpointId: string, deliveryId: string) {
  const now = deps.now();
  // The margin covers the writes around a send; a lease only lapses by itself when a worker died.
  const leaseMs = (deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + LEASE_MARGIN_MS;
  return deps.db.transaction(async (tx) => {
    await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId))
      .for("update");
    const held = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.endpointId, endpointId), gt(webhookDeliveries.inFlightUntil, now)),
      );
    if (held.length >= SLOTS_PER_ENDPOINT || held.some((h) => h.id === deliveryId)) return false;
    await tx
      .update(webhookDeliveries)
      .set({ inFlightUntil: new Date(now.getTime() + leaseMs) })
      .where(eq(webhookDeliveries.id, deliveryId));
    return true;
  });
}
