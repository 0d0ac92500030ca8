import { eq, sql } from "drizzle-orm";
import { perDatabase, statementName } from "@/lib/db/prepared";
import type { EngineDeps } from "./engine";
import { webhookDeliveries, webhookEndpoints } from "./schema";
import { TIMEOUT_MS as DEFAULT_TIMEOUT_MS } from "./sender";

/** Deliveries one endpoint may have in flight at once, across every worker and instance. */
export const SLOTS_PER_ENDPOINT = 2;

const LEASE_MARGIN_MS = 5_000;

export type Delivery = typeof webhookDeliveries.$inferSelect;
export type Endpoint = typeof webhookEndpoints.$inferSelect;

export type Claim =
  /** Sent already, settled, or a repeat of a job that ran: nothing to do. */
  | { outcome: "done" }
  /** Its endpoint was switched off: the delivery is cancelled. */
  | { outcome: "cancelled" }
  /** Both of the endpoint's slots are taken, or it is on the wire already: look again shortly. */
  | { outcome: "busy"; endpointId: string }
  /** Ours to send, with everything sending needs. */
  | { outcome: "claimed"; delivery: Delivery; endpoint: Endpoint };

/**
 * The delivery and its endpoint, read in the same statement that claims a slot through
 * webhook_claim_slot (lib/db/migrations/0021_webhook_claim.sql): built once per database.
 */
const claimStatement = perDatabase((db) =>
  db
    .select({
      delivery: webhookDeliveries,
      endpoint: webhookEndpoints,
      outcome: sql<Claim["outcome"]>`webhook_claim_slot(
        ${webhookDeliveries.id}, ${webhookEndpoints.id}, ${sql.placeholder("attempt")}::integer,
        ${sql.placeholder("now")}::timestamptz, ${sql.placeholder("leaseUntil")}::timestamptz,
        ${sql.raw(String(SLOTS_PER_ENDPOINT))})`,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, sql.placeholder("deliveryId")))
    .prepare(statementName("webhook_claim_slot")),
);

/**
 * Takes one of the endpoint's slots for a delivery, in one round trip. pg-boss's group limit
 * counts active jobs per statement, so two fetches at the same moment can both see a free group
 * and overshoot it; here the endpoint's row lock makes the count and the claim one step (the
 * function's statements each see what was committed before the lock was theirs). A delivery that
 * already holds a slot is refused too: that is pg-boss running an expired job again while its
 * first run still sends, and letting it through put the same delivery on the wire twice. A slot
 * left by a crashed worker frees itself when its lease (the send timeout plus a margin) runs out;
 * only then is that delivery sent again.
 */
export async function claimDelivery(
  deps: EngineDeps,
  job: { deliveryId: string; attempt: number },
): Promise<Claim> {
  const now = deps.now();
  // The margin covers the writes around a send; a lease only lapses by itself when a worker died.
  const leaseMs = (deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + LEASE_MARGIN_MS;
  const inFlightUntil = new Date(now.getTime() + leaseMs);
  const [found] = await claimStatement(deps.db, "claim").execute({
    deliveryId: job.deliveryId,
    attempt: job.attempt,
    now: now.toISOString(),
    leaseUntil: inFlightUntil.toISOString(),
  });
  if (!found) return { outcome: "done" };
  const { delivery, endpoint, outcome } = found;
  if (outcome === "busy") return { outcome, endpointId: endpoint.id };
  if (outcome !== "claimed") return { outcome };
  return { outcome, delivery: { ...delivery, inFlightUntil }, endpoint };
}
