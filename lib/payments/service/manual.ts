import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import { lockOrderForPayment, owedMinor } from "@/lib/orders/service";
import type { ManualPaymentCreate } from "../contract";
import { assertPayable, insertPayment } from "./create";
import { paymentDetail } from "./present";
import { applySnapshot } from "./state";

/**
 * A bank transfer or cash staff received: recorded and settled in one transaction with its
 * order (which moves to paid once all of it is paid).
 */
export async function recordManualPayment(
  ctx: ServiceContext,
  input: z.infer<typeof ManualPaymentCreate>,
) {
  authorize(ctx.actor, "payments:write");
  const source = ctx.actor.type === "user" ? "admin" : "api";
  const id = await ctx.db.transaction(async (tx) => {
    const order = await lockOrderForPayment(tx, ctx, input.order_id);
    assertPayable(order);
    const owed = owedMinor(order);
    let amount = owed;
    if (input.amount !== undefined) {
      try {
        amount = toMinor(input.amount, order.currency);
      } catch (err) {
        if (!(err instanceof MoneyFormatError)) throw err;
        throw new ValidationError(err.message, [
          { field: "amount", message: err.message, code: err.code },
        ]);
      }
    }
    if (amount <= 0 || amount > owed) {
      const message = `Order ${order.number} owes ${toMajor(owed, order.currency)} ${order.currency}: record at most that`;
      throw new ValidationError(
        message,
        [{ field: "amount", message, code: "AMOUNT_EXCEEDS_DUE" }],
        "AMOUNT_EXCEEDS_DUE",
      );
    }
    const payment = await insertPayment(
      ctx,
      {
        provider: "manual",
        providerId: null,
        orderId: order.id,
        amountMinor: amount,
        currency: order.currency,
        method: input.method,
        reference: input.reference || null,
        source,
      },
      tx,
    );
    await applySnapshot(
      ctx,
      payment.id,
      { status: "completed", capturedMinor: amount },
      source,
      undefined,
      tx,
    );
    await recordAudit(tx, ctx, {
      action: "payment.recorded",
      resourceType: "payment",
      resourceId: payment.id,
      metadata: {
        order_id: order.id,
        method: input.method,
        amount: toMajor(amount, order.currency),
      },
    });
    return payment.id;
  });
  return paymentDetail(ctx.db, ctx.tenant.id, id);
}
