import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { toMajor } from "@/lib/money";
import { orderNumbers } from "@/lib/orders/service";
import type { PaymentDetail, PaymentSchema, RefundSchema } from "../contract";
import { paymentEvents, payments, refunds } from "../schema";

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type Payment = z.infer<typeof PaymentSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const paymentNotFound = () => new NotFoundError("Payment not found", "PAYMENT_NOT_FOUND");

/** A payment as the API shows it: major units, upper-case currency, snake_case. */
export function presentPayment(p: PaymentRow, orderNumber: string | null): Payment {
  const m = (minor: number) => toMajor(minor, p.currency);
  return {
    id: p.id,
    order_id: p.orderId,
    order_number: orderNumber,
    provider: p.provider,
    status: p.status,
    currency: p.currency,
    amount: m(p.amountMinor),
    amount_captured: m(p.capturedMinor),
    amount_refunded: m(p.refundedMinor),
    provider_id: p.providerId,
    provider_charge_id: p.providerChargeId,
    method: p.method,
    reference: p.reference,
    failure:
      p.failureCode || p.failureMessage ? { code: p.failureCode, message: p.failureMessage } : null,
    livemode: p.livemode,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
    completed_at: p.completedAt?.toISOString() ?? null,
  };
}

export function presentRefund(r: RefundRow): z.infer<typeof RefundSchema> {
  return {
    id: r.id,
    payment_id: r.paymentId,
    amount: toMajor(r.amountMinor, r.currency),
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    provider_refund_id: r.providerRefundId,
    failure_message: r.failureMessage,
    created_at: r.createdAt.toISOString(),
  };
}

/** The payment with its order's number (for events and replies). */
export async function presentOne(db: Db, tenantId: string, p: PaymentRow) {
  const numbers = await orderNumbers(db, tenantId, p.orderId ? [p.orderId] : []);
  return presentPayment(p, p.orderId ? (numbers.get(p.orderId) ?? null) : null);
}

export async function loadPayment(db: Db, tenantId: string, id: string, lock = false) {
  if (!UUID.test(id)) throw paymentNotFound();
  const query = db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw paymentNotFound();
  return row;
}

/** Without the permission check: for replies after a change the caller was allowed to make. */
export async function paymentDetail(
  db: Db,
  tenantId: string,
  id: string,
): Promise<z.infer<typeof PaymentDetail>> {
  const payment = await loadPayment(db, tenantId, id);
  const [refundRows, events] = await Promise.all([
    db
      .select()
      .from(refunds)
      .where(and(eq(refunds.tenantId, tenantId), eq(refunds.paymentId, id)))
      .orderBy(desc(refunds.createdAt)),
    db
      .select()
      .from(paymentEvents)
      .where(and(eq(paymentEvents.tenantId, tenantId), eq(paymentEvents.paymentId, id)))
      .orderBy(asc(paymentEvents.seq)),
  ]);
  return {
    ...(await presentOne(db, tenantId, payment)),
    refunds: refundRows.map(presentRefund),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      source: e.source,
      provider_event_id: e.providerEventId,
      details: e.details,
      created_at: e.createdAt.toISOString(),
    })),
  };
}

export async function getPayment(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "payments:read");
  return paymentDetail(ctx.db, ctx.tenant.id, id);
}
