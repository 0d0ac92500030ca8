import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { toMajor } from "@/lib/money";
import { lockOrderForPayment, owedMinor, type PayableOrder } from "@/lib/orders/service";
import type { ManualMethod, PaymentProvider } from "../constants";
import { payments } from "../schema";
import { history, type Source } from "./state";

const fieldError = (field: string, message: string, code: string) =>
  new ValidationError(message, [{ field, message, code }], code);

/** An order takes payments while it is pending and owes something. */
export function assertPayable(order: PayableOrder) {
  if (order.status !== "pending" || owedMinor(order) === 0) {
    throw new ConflictError(
      order.status === "pending"
        ? `Order ${order.number} is already paid`
        : `Order ${order.number} is ${order.status}: only a pending order takes payments`,
      "ORDER_NOT_PAYABLE",
    );
  }
}

/**
 * A payment for an order is for exactly what it still owes, in its currency: a client that
 * computed another total (an old cart, a float rounding) learns it now, not after the charge.
 */
export async function checkOrderAmount(
  ctx: ServiceContext,
  orderId: string,
  amountMinor: number,
  currency: string,
) {
  const order = await ctx.db.transaction((tx) => lockOrderForPayment(tx, ctx, orderId));
  assertPayable(order);
  if (currency !== order.currency) {
    throw fieldError(
      "currency",
      `Order ${order.number} is in ${order.currency}, not ${currency}`,
      "CURRENCY_MISMATCH",
    );
  }
  const owed = owedMinor(order);
  if (amountMinor !== owed) {
    throw fieldError(
      "amount",
      `Order ${order.number} owes ${toMajor(owed, order.currency)} ${order.currency} (${owed} in minor units), not ${amountMinor}`,
      "AMOUNT_MISMATCH",
    );
  }
  return order;
}

export interface NewPayment {
  id?: string;
  provider: PaymentProvider;
  providerId: string | null;
  orderId: string | null;
  amountMinor: number;
  currency: string;
  livemode?: boolean | null;
  method?: ManualMethod | null;
  reference?: string | null;
  source: Source;
}

/**
 * Records a payment as pending. The same provider id twice (a retried request that reached the
 * provider with the same idempotency key) gives back the first row.
 */
export async function insertPayment(ctx: ServiceContext, p: NewPayment, db: Db = ctx.db) {
  return db.transaction(async (tx) => {
    const now = ctx.now();
    const [row] = await tx
      .insert(payments)
      .values({
        ...(p.id && { id: p.id }),
        tenantId: ctx.tenant.id,
        orderId: p.orderId,
        provider: p.provider,
        providerId: p.providerId,
        method: p.method ?? null,
        reference: p.reference ?? null,
        status: "pending",
        currency: p.currency,
        amountMinor: p.amountMinor,
        livemode: p.livemode ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await history(tx, ctx, row.id, "created", p.source, {
        amount: toMajor(p.amountMinor, p.currency),
        currency: p.currency,
        ...(p.method && { method: p.method }),
      });
      return row;
    }
    const [existing] = await tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.tenantId, ctx.tenant.id),
          eq(payments.provider, p.provider),
          eq(payments.providerId, p.providerId ?? ""),
        ),
      );
    return existing!;
  });
}
