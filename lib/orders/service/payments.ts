import { and, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { recordEvent } from "@/lib/events/service";
import { creditNoteInTx, issueInvoiceInTx } from "@/lib/invoices/service";
import type { OrderStatus } from "../contract";
import { orderEvents, orders } from "../schema";
import { presentOrder } from "./present";
import { actorForTimeline, loadItems, notFound, UUID } from "./shared";

/**
 * What the payments module may do to an order, always inside its own transaction so a payment's
 * state and its order's state commit together (docs/payments.md, "Orders and payments").
 */
export interface PayableOrder {
  id: string;
  number: string;
  status: OrderStatus;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
}

/** Locks the order row for the rest of the transaction; 404 when the store has no such order. */
export async function lockOrderForPayment(
  tx: Db,
  ctx: ServiceContext,
  orderId: string,
): Promise<PayableOrder> {
  if (!UUID.test(orderId)) throw notFound();
  const [order] = await tx
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      currency: orders.currency,
      totalMinor: orders.totalMinor,
      paidMinor: orders.paidMinor,
      refundedMinor: orders.refundedMinor,
    })
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, orderId)))
    .for("update");
  if (!order) throw notFound();
  return order;
}

/** What the customer still has to pay. */
export const owedMinor = (o: PayableOrder) => Math.max(0, o.totalMinor - o.paidMinor);

/** Order numbers for a page of payments (the payments list shows them). */
export async function orderNumbers(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), inArray(orders.id, ids)));
  return new Map(rows.map((r) => [r.id, r.number]));
}

function nextStatus(o: PayableOrder, paid: number, refunded: number): OrderStatus {
  if (refunded > o.refundedMinor && refunded > 0) {
    const refundable: OrderStatus[] = ["paid", "fulfilled", "completed", "partially_refunded"];
    if (!refundable.includes(o.status)) return o.status;
    return refunded >= paid ? "refunded" : "partially_refunded";
  }
  if (o.status === "pending" && paid >= o.totalMinor) return "paid";
  return o.status;
}

/**
 * Adds a captured payment or a refund to the order (amounts in the order's minor units), moves
 * it along its lifecycle (pending -> paid once all is paid; -> partially_refunded / refunded),
 * writes the timeline and raises order.updated. The order must be locked (lockOrderForPayment).
 */
export async function applyPaymentToOrder(
  tx: Db,
  ctx: ServiceContext,
  order: PayableOrder,
  change: {
    paidMinor?: number;
    refundedMinor?: number;
    details: Record<string, unknown>;
  },
) {
  const paid = order.paidMinor + (change.paidMinor ?? 0);
  const refunded = order.refundedMinor + (change.refundedMinor ?? 0);
  const status = nextStatus(order, paid, refunded);
  const now = ctx.now();
  const [updated] = await tx
    .update(orders)
    .set({ paidMinor: paid, refundedMinor: refunded, status, updatedAt: now })
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, order.id)))
    .returning();
  const actor = await actorForTimeline(tx, ctx);
  const entries: (typeof orderEvents.$inferInsert)[] = [
    {
      type: change.refundedMinor ? "refund_issued" : "payment_received",
      details: change.details,
      tenantId: ctx.tenant.id,
      orderId: order.id,
      ...actor,
      createdAt: now,
    },
  ];
  if (status !== order.status) {
    entries.push({
      type: "status_changed",
      fromStatus: order.status,
      toStatus: status,
      tenantId: ctx.tenant.id,
      orderId: order.id,
      ...actor,
      createdAt: now,
    });
  }
  await tx.insert(orderEvents).values(entries);
  await recordEvent(
    tx,
    ctx,
    "order.updated",
    presentOrder(updated!, await loadItems(tx, ctx, order.id)),
  );
  // The tax invoice when the order becomes paid; a credit note for money given back after it.
  if (status === "paid" && order.status === "pending") await issueInvoiceInTx(tx, ctx, order.id);
  if (change.refundedMinor) await creditNoteInTx(tx, ctx, order.id, change.refundedMinor, "refund");
  Object.assign(order, { paidMinor: paid, refundedMinor: refunded, status });
}

/** The order as the hosted checkout page shows it: lines, totals, what is still owed. */
export async function orderForCheckout(db: Db, ctx: ServiceContext, orderId: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, orderId)));
  if (!order) throw notFound();
  return { order: presentOrder(order, await loadItems(db, ctx, orderId)), row: order };
}
