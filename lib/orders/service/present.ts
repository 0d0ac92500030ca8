import type { z } from "@hono/zod-openapi";
import { toMajor } from "@/lib/money";
import type { OrderSchema, OrderStatus } from "../contract";
import type { orderEvents, orderItems, orders } from "../schema";

export type Order = z.infer<typeof OrderSchema>;
export type OrderRow = typeof orders.$inferSelect;
export type ItemRow = typeof orderItems.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

/** An order as the API shows it: major units, snake_case, lines in their position. */
export function presentOrder(o: OrderRow, items: ItemRow[]): Order {
  const m = (minor: number) => toMajor(minor, o.currency);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    currency: o.currency,
    customer_email: o.customerEmail,
    customer_name: o.customerName,
    customer_phone: o.customerPhone,
    shipping_address: o.shippingAddress ?? null,
    payment_method: o.paymentMethod,
    carrier: o.carrier,
    tracking_number: o.trackingNumber,
    notes: o.notes,
    source: o.source,
    external_id: o.externalId,
    discount: m(o.discountMinor),
    shipping: m(o.shippingMinor),
    subtotal: m(o.subtotalMinor),
    tax: m(o.taxMinor),
    total: m(o.totalMinor),
    amount_paid: m(o.paidMinor),
    amount_refunded: m(o.refundedMinor),
    vat_rate: o.vatRateBp / 100,
    prices_include_vat: o.pricesIncludeVat,
    items: items
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        id: i.id,
        product_id: i.productId,
        sku: i.sku,
        name: { en: i.nameEn, ar: i.nameAr },
        unit_price: m(i.unitPriceMinor),
        quantity: i.quantity,
        subtotal: m(i.subtotalMinor),
        tax: m(i.taxMinor),
        total: m(i.totalMinor),
      })),
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

export function presentEvent(e: EventRow) {
  return {
    id: e.id,
    type: e.type,
    from_status: e.fromStatus as OrderStatus | null,
    to_status: e.toStatus as OrderStatus | null,
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    details: e.details,
    created_at: e.createdAt.toISOString(),
  };
}
