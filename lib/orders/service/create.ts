import { sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordEvent } from "@/lib/events/service";
import { isCurrency } from "@/lib/money";
import { foldForSearch } from "@/lib/text/search";
import { reserveStock } from "@/lib/products/stock";
import type { OrderCreate } from "../contract";
import { orderEvents, orderItems, orders, orderSequences } from "../schema";
import { planLines } from "./plan-lines";
import { presentOrder, type Order, type OrderRow } from "./present";
import { actorForTimeline, findByExternal, loadItems, storeYear } from "./shared";

class ExistingOrder extends Error {}

/**
 * Creates an order: prices and names snapshotted from the products, totals computed here, stock
 * reserved (refused when short, even racing for the last unit), a gap-free number taken, and
 * order.created recorded, all in one transaction. With external_id (+ source) the call is
 * idempotent: the existing order comes back with `created: false`.
 */
export async function createOrder(
  ctx: ServiceContext,
  input: z.infer<typeof OrderCreate>,
): Promise<{ order: Order; created: boolean }> {
  authorize(ctx.actor, "orders:write");
  const source = input.source ?? (input.external_id ? "api" : "admin");
  const externalId = input.external_id ?? null;
  const currency = input.currency ?? ctx.tenant.currency;
  if (!isCurrency(currency)) {
    throw new ValidationError("The order has invalid fields", [
      {
        field: "currency",
        code: "invalid_currency",
        message: `"${currency}" is not an ISO 4217 currency`,
      },
    ]);
  }
  if (externalId) {
    const existing = await findByExternal(ctx.db, ctx.tenant.id, source, externalId);
    if (existing)
      return {
        order: presentOrder(existing, await loadItems(ctx.db, ctx, existing.id)),
        created: false,
      };
  }
  const { planned, totals, discountMinor, shippingMinor } = await planLines(ctx, input, currency);
  const now = ctx.now();
  const year = storeYear(ctx, now);

  try {
    return await ctx.db.transaction(async (tx) => {
      // Reserve stock first (lib/products owns it), so two buyers of the last unit cannot both win.
      const wanted = new Map<string, number>();
      for (const l of planned)
        if (l.productId) wanted.set(l.productId, (wanted.get(l.productId) ?? 0) + l.quantity);
      const short = await reserveStock(tx, ctx.tenant.id, wanted);
      if (short) {
        const line = planned.find((l) => l.productId === short)!;
        throw new ConflictError(
          `Not enough stock for "${line.nameEn || line.nameAr}"`,
          "INSUFFICIENT_STOCK",
        );
      }
      // The sequence row is locked until commit; a rolled-back order gives its number back.
      const [seq] = await tx
        .insert(orderSequences)
        .values({ tenantId: ctx.tenant.id, year, last: 1 })
        .onConflictDoUpdate({
          target: [orderSequences.tenantId, orderSequences.year],
          set: { last: sql`${orderSequences.last} + 1` },
        })
        .returning({ last: orderSequences.last });
      const number = `BS-${year}-${String(seq!.last).padStart(6, "0")}`;
      let order: OrderRow;
      try {
        [order] = (await tx
          .insert(orders)
          .values({
            tenantId: ctx.tenant.id,
            number,
            status: input.status ?? "pending",
            currency,
            customerEmail: input.customer_email?.toLowerCase() ?? null,
            customerName: input.customer_name || null,
            customerNameSearch: input.customer_name ? foldForSearch(input.customer_name) : null,
            customerPhone: input.customer_phone ?? null,
            shippingAddress: input.shipping_address ?? null,
            paymentMethod: input.payment_method ?? null,
            discountMinor,
            shippingMinor,
            notes: input.notes || null,
            source,
            externalId,
            subtotalMinor: totals.subtotal,
            taxMinor: totals.tax,
            totalMinor: totals.total,
            vatRateBp: ctx.tenant.vatRateBp,
            pricesIncludeVat: ctx.tenant.pricesIncludeVat,
            createdAt: now,
            updatedAt: now,
          })
          .returning()) as [OrderRow];
      } catch (err) {
        if (isUniqueViolation(err, "orders_tenant_external")) throw new ExistingOrder();
        throw err;
      }
      const items = planned.length
        ? await tx
            .insert(orderItems)
            .values(
              planned.map((l, position) => ({
                tenantId: ctx.tenant.id,
                orderId: order.id,
                position,
                productId: l.productId,
                sku: l.sku,
                nameEn: l.nameEn,
                nameAr: l.nameAr,
                unitPriceMinor: l.unitPriceMinor,
                quantity: l.quantity,
                subtotalMinor: l.subtotal,
                taxMinor: l.tax,
                totalMinor: l.total,
              })),
            )
            .returning()
        : [];
      await tx.insert(orderEvents).values({
        tenantId: ctx.tenant.id,
        orderId: order.id,
        type: "created",
        toStatus: order.status,
        ...(await actorForTimeline(tx, ctx)),
        details: { source, ...(externalId ? { external_id: externalId } : {}) },
        createdAt: now,
      });
      const presented = presentOrder(order, items);
      await recordEvent(tx, ctx, "order.created", presented);
      await recordAudit(tx, ctx, {
        action: "order.created",
        resourceType: "order",
        resourceId: order.id,
        metadata: { number },
      });
      return { order: presented, created: true };
    });
  } catch (err) {
    if (!(err instanceof ExistingOrder)) throw err;
    // Another request with the same external_id committed first: theirs is the order.
    const existing = (await findByExternal(ctx.db, ctx.tenant.id, source, externalId!))!;
    return {
      order: presentOrder(existing, await loadItems(ctx.db, ctx, existing.id)),
      created: false,
    };
  }
}
