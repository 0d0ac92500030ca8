import { and, eq } from "drizzle-orm";
import { actorId, type ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { recordEvent } from "@/lib/events/service";
import { toMajor } from "@/lib/money";
import { applyPaymentToOrder, lockOrderForPayment } from "@/lib/orders/service";
import type { PaymentStatus, ProviderName } from "../constants";
import { paymentEvents, payments, providerEvents, refunds } from "../schema";
import { loadPayment, presentOne, type PaymentRow } from "./present";

/**
 * How payments change state. Every change re-reads the provider first (a webhook only says
 * "look again"), then moves the payment, its refunds and its order in one transaction, with the
 * payment.* and order.updated events. Amounts only grow and a captured payment never goes back
 * to pending or failed, so duplicate, late or out-of-order deliveries change nothing.
 */
export type Source = "api" | "admin" | "webhook" | "checkout";

export interface ProviderRefund {
  providerRefundId: string;
  amountMinor: number;
  /** Our refund's id, when the refund was made through us (sent to the provider as metadata). */
  ourRefundId?: string | null;
}

export interface ProviderSnapshot {
  status: "pending" | "completed" | "failed" | "cancelled";
  capturedMinor: number;
  chargeId?: string | null;
  failure?: { code: string | null; message: string | null } | null;
  livemode?: boolean | null;
  /** Refunds the provider reports as done. */
  refunds?: ProviderRefund[];
}

export interface ProviderEventRef {
  provider: ProviderName;
  id: string;
  type: string;
}

const CAPTURED: PaymentStatus[] = ["completed", "partially_refunded", "refunded"];

export async function history(
  tx: Db,
  ctx: ServiceContext,
  paymentId: string,
  type: string,
  source: Source,
  details: Record<string, unknown> = {},
  providerEventId: string | null = null,
) {
  await tx.insert(paymentEvents).values({
    tenantId: ctx.tenant.id,
    paymentId,
    type,
    source,
    providerEventId,
    details,
    createdAt: ctx.now(),
  });
}

/** A refund the provider reports, counted once however often it is reported. Returns what it adds. */
async function settleRefund(tx: Db, ctx: ServiceContext, p: PaymentRow, r: ProviderRefund) {
  const [known] = await tx
    .select()
    .from(refunds)
    .where(
      and(eq(refunds.tenantId, ctx.tenant.id), eq(refunds.providerRefundId, r.providerRefundId)),
    );
  const ours =
    known ??
    (r.ourRefundId && /^[0-9a-f-]{36}$/i.test(r.ourRefundId)
      ? (
          await tx
            .select()
            .from(refunds)
            .where(
              and(
                eq(refunds.tenantId, ctx.tenant.id),
                eq(refunds.paymentId, p.id),
                eq(refunds.id, r.ourRefundId),
              ),
            )
        )[0]
      : undefined);
  if (ours?.status === "succeeded") return 0;
  if (ours) {
    await tx
      .update(refunds)
      .set({ status: "succeeded", providerRefundId: r.providerRefundId, updatedAt: ctx.now() })
      .where(eq(refunds.id, ours.id));
    return ours.amountMinor;
  }
  // Made at the provider directly (Stripe's dashboard, PayPal's): recorded as the provider's.
  await tx.insert(refunds).values({
    tenantId: ctx.tenant.id,
    paymentId: p.id,
    providerRefundId: r.providerRefundId,
    status: "succeeded",
    amountMinor: r.amountMinor,
    currency: p.currency,
    reason: "",
    actorType: "provider",
    actorId: null,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  return r.amountMinor;
}

function nextStatus(
  old: PaymentRow,
  snap: ProviderSnapshot,
  captured: number,
  refunded: number,
): PaymentStatus {
  if (CAPTURED.includes(old.status) || (snap.status === "completed" && captured > 0)) {
    if (refunded > 0 && refunded >= captured) return "refunded";
    return refunded > 0 ? "partially_refunded" : "completed";
  }
  return snap.status;
}

/**
 * Applies what the provider says about a payment. With `event`, the provider's event id is
 * recorded in the same transaction, and an event seen before changes nothing.
 */
export async function applySnapshot(
  ctx: ServiceContext,
  paymentId: string,
  snap: ProviderSnapshot,
  source: Source,
  event?: ProviderEventRef,
  db: Db = ctx.db,
) {
  // Within the caller's transaction when given one (a manual payment is made and settled at once).
  return db.transaction(async (tx) => {
    if (event) {
      const fresh = await tx
        .insert(providerEvents)
        .values({
          tenantId: ctx.tenant.id,
          provider: event.provider,
          eventId: event.id,
          type: event.type,
        })
        .onConflictDoNothing()
        .returning({ id: providerEvents.eventId });
      if (!fresh.length) return { duplicate: true as const };
    }
    const old = await loadPayment(tx, ctx.tenant.id, paymentId, true);
    const captured = Math.max(old.capturedMinor, snap.capturedMinor);
    let added = 0;
    for (const r of snap.refunds ?? []) added += await settleRefund(tx, ctx, old, r);
    const refunded = Math.min(captured, old.refundedMinor + added);
    const status = nextStatus(old, snap, captured, refunded);
    const failed = status === "failed";
    const failure = failed ? (snap.failure ?? null) : null;
    const changed =
      status !== old.status ||
      captured !== old.capturedMinor ||
      refunded !== old.refundedMinor ||
      (failed && failure?.code !== old.failureCode) ||
      (snap.chargeId != null && snap.chargeId !== old.providerChargeId);
    if (!changed) {
      if (event)
        await history(tx, ctx, old.id, "provider_event", source, { event: event.type }, event.id);
      return { duplicate: false as const, payment: old };
    }

    const now = ctx.now();
    const [updated] = await tx
      .update(payments)
      .set({
        status,
        capturedMinor: captured,
        refundedMinor: refunded,
        providerChargeId: snap.chargeId ?? old.providerChargeId,
        failureCode: failed
          ? (failure?.code ?? null)
          : CAPTURED.includes(status)
            ? null
            : old.failureCode,
        failureMessage: failed
          ? (failure?.message ?? null)
          : CAPTURED.includes(status)
            ? null
            : old.failureMessage,
        livemode: snap.livemode ?? old.livemode,
        completedAt: old.completedAt ?? (captured > 0 ? now : null),
        updatedAt: now,
      })
      .where(eq(payments.id, old.id))
      .returning();
    const p = updated!;
    const money = (minor: number) => ({ amount: toMajor(minor, p.currency), currency: p.currency });
    const eventId = event?.id ?? null;

    const paidNow = captured - old.capturedMinor;
    const refundedNow = refunded - old.refundedMinor;
    if (p.orderId && (paidNow > 0 || refundedNow > 0)) {
      const order = await lockOrderForPayment(tx, ctx, p.orderId);
      const details = { payment_id: p.id, provider: p.provider, ...money(paidNow || refundedNow) };
      if (paidNow > 0) await applyPaymentToOrder(tx, ctx, order, { paidMinor: paidNow, details });
      if (refundedNow > 0)
        await applyPaymentToOrder(tx, ctx, order, { refundedMinor: refundedNow, details });
    }
    const presented = await presentOne(tx, ctx.tenant.id, p);
    if (paidNow > 0) {
      await history(tx, ctx, p.id, "completed", source, money(paidNow), eventId);
      await recordEvent(tx, ctx, "payment.completed", presented);
    }
    if (refundedNow > 0) {
      await history(tx, ctx, p.id, "refunded", source, money(refundedNow), eventId);
      await recordEvent(tx, ctx, "payment.refunded", presented);
    }
    if (failed && (old.status !== "failed" || failure?.code !== old.failureCode)) {
      await history(tx, ctx, p.id, "failed", source, { ...failure }, eventId);
      await recordEvent(tx, ctx, "payment.failed", presented);
    }
    if (status === "cancelled" && old.status !== "cancelled")
      await history(tx, ctx, p.id, "cancelled", source, {}, eventId);
    if (status === "pending" && old.status === "failed")
      await history(tx, ctx, p.id, "retrying", source, {}, eventId);
    return { duplicate: false as const, payment: p };
  });
}

/** Who did it, for refunds made through us. */
export function actorColumns(ctx: ServiceContext) {
  return ctx.actor
    ? { actorType: ctx.actor.type, actorId: actorId(ctx.actor) }
    : { actorType: "system", actorId: null };
}
