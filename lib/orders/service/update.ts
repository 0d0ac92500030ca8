import { and, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { ConflictError, ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { creditNoteInTx, issueInvoiceInTx } from "@/lib/invoices/service";
import { releaseStock } from "@/lib/products/stock";
import { foldForSearch } from "@/lib/text/search";
import { TRANSITIONS, type OrderUpdate } from "../contract";
import { orderEvents, orders } from "../schema";
import { getOrder } from "./get";
import { presentOrder, type OrderRow } from "./present";
import { actorForTimeline, loadItems, notFound, UUID } from "./shared";

/**
 * Moves an order along its lifecycle and edits notes and customer details. Refunds need the
 * refund permission; cancelling gives the reserved stock back. Each change is a timeline entry.
 */
export async function updateOrder(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof OrderUpdate>,
) {
  authorize(ctx.actor, "orders:write");
  if (input.status === "refunded" || input.status === "partially_refunded")
    authorize(ctx.actor, "payments:refund");
  if (!UUID.test(id)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, id)))
      .for("update");
    if (!order) throw notFound();
    const now = ctx.now();
    const actor = await actorForTimeline(tx, ctx);
    type Entry = Pick<
      typeof orderEvents.$inferInsert,
      "type" | "fromStatus" | "toStatus" | "details"
    >;
    const timeline: Entry[] = [];
    const changes: Partial<OrderRow> = {};

    if (input.status !== undefined && input.status !== order.status) {
      const allowed = TRANSITIONS[order.status];
      if (!allowed.includes(input.status)) {
        throw new ConflictError(
          allowed.length
            ? `An order that is ${order.status} can move to ${allowed.join(" or ")}, not ${input.status}`
            : `An order that is ${order.status} cannot change status`,
          "INVALID_TRANSITION",
        );
      }
      changes.status = input.status;
      timeline.push({ type: "status_changed", fromStatus: order.status, toStatus: input.status });
      if (input.status === "cancelled")
        await releaseStock(tx, ctx.tenant.id, await loadItems(tx, ctx, id));
    }
    if (input.notes !== undefined && (input.notes || null) !== order.notes) {
      changes.notes = input.notes || null;
      timeline.push({ type: "note_updated", details: { notes: changes.notes } });
    }
    const email =
      input.customer_email === undefined ? undefined : input.customer_email?.toLowerCase() || null;
    const name = input.customer_name === undefined ? undefined : input.customer_name || null;
    const customer: Partial<OrderRow> = {};
    if (email !== undefined && email !== order.customerEmail) customer.customerEmail = email;
    if (name !== undefined && name !== order.customerName) {
      customer.customerName = name;
      customer.customerNameSearch = name ? foldForSearch(name) : null;
    }
    if (input.customer_phone !== undefined && input.customer_phone !== order.customerPhone)
      customer.customerPhone = input.customer_phone;
    if (
      input.shipping_address !== undefined &&
      JSON.stringify(input.shipping_address) !== JSON.stringify(order.shippingAddress)
    )
      customer.shippingAddress = input.shipping_address;
    if (input.payment_method !== undefined && input.payment_method !== order.paymentMethod)
      customer.paymentMethod = input.payment_method;
    if (Object.keys(customer).length) {
      Object.assign(changes, customer);
      const after = { ...order, ...customer };
      timeline.push({
        type: "customer_updated",
        details: {
          customer_email: after.customerEmail,
          customer_name: after.customerName,
          customer_phone: after.customerPhone,
          ...(customer.shippingAddress !== undefined
            ? { shipping_address: after.shippingAddress }
            : {}),
          ...(customer.paymentMethod !== undefined ? { payment_method: after.paymentMethod } : {}),
        },
      });
    }
    // Carrier and tracking number: given when the order is fulfilled, or corrected afterwards.
    const carrier = input.carrier === undefined ? undefined : input.carrier || null;
    const tracking =
      input.tracking_number === undefined ? undefined : input.tracking_number || null;
    if (carrier !== undefined || tracking !== undefined) {
      const statusAfter = changes.status ?? order.status;
      if (statusAfter !== "fulfilled" && statusAfter !== "completed")
        throw new ValidationError("The order has invalid fields", [
          {
            field: tracking !== undefined ? "tracking_number" : "carrier",
            code: "not_fulfilled",
            message: "Carrier and tracking number are for fulfilled or completed orders",
          },
        ]);
      const shipment = {
        carrier: carrier === undefined ? order.carrier : carrier,
        tracking_number: tracking === undefined ? order.trackingNumber : tracking,
      };
      if (shipment.carrier !== order.carrier || shipment.tracking_number !== order.trackingNumber) {
        changes.carrier = shipment.carrier;
        changes.trackingNumber = shipment.tracking_number;
        const moved = timeline.find((e) => e.type === "status_changed");
        // Fulfilled with a tracking number: one timeline entry says both.
        if (moved && changes.status === "fulfilled") moved.details = shipment;
        else timeline.push({ type: "tracking_updated", details: shipment });
      }
    }
    if (!timeline.length) return;
    const [updated] = await tx
      .update(orders)
      .set({ ...changes, updatedAt: now })
      .where(and(eq(orders.tenantId, ctx.tenant.id), eq(orders.id, id)))
      .returning();
    await tx.insert(orderEvents).values(
      timeline.map((e) => ({
        ...e,
        tenantId: ctx.tenant.id,
        orderId: id,
        ...actor,
        createdAt: now,
      })),
    );
    await recordEvent(
      tx,
      ctx,
      "order.updated",
      presentOrder(updated!, await loadItems(tx, ctx, id)),
    );
    // Marked paid by hand: its tax invoice. Marked refunded: a credit note for what is left of it.
    if (changes.status === "paid") await issueInvoiceInTx(tx, ctx, id);
    if (changes.status === "refunded") await creditNoteInTx(tx, ctx, id, null, "cancellation");
    await recordAudit(tx, ctx, {
      action: "order.updated",
      resourceType: "order",
      resourceId: id,
      metadata: { changes: input },
    });
  });
  return getOrder(ctx, id);
}
