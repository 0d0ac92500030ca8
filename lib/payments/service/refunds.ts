import { and, eq, sum } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { AppError, ConflictError, providerNonsense, ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import type { RefundCreate } from "../contract";
import type { PaymentsDeps } from "../deps";
import { callStripe, stripeClient } from "../providers/stripe";
import { refunds } from "../schema";
import {
  loadPayment,
  paymentDetail,
  presentRefund,
  type PaymentRow,
  type RefundRow,
} from "./present";
import { paypalFor, paypalValue } from "./paypal";
import { notConfigured, stripeCredentials } from "./settings";
import { actorColumns, applySnapshot, history } from "./state";

const REFUNDABLE = ["completed", "partially_refunded"];

/**
 * Step 1: under the payment's lock, check the amount against what is left (counting refunds
 * still in flight) and record the refund as pending, so two refunds at once can never give back
 * more than was captured.
 */
async function reserve(
  ctx: ServiceContext,
  paymentId: string,
  input: z.infer<typeof RefundCreate>,
) {
  return ctx.db.transaction(async (tx) => {
    const p = await loadPayment(tx, ctx.tenant.id, paymentId, true);
    if (!REFUNDABLE.includes(p.status)) {
      throw new ConflictError(
        p.status === "refunded"
          ? "This payment is already refunded in full"
          : `A ${p.status} payment cannot be refunded`,
        "PAYMENT_NOT_REFUNDABLE",
      );
    }
    const [{ inFlight }] = (await tx
      .select({ inFlight: sum(refunds.amountMinor) })
      .from(refunds)
      .where(
        and(
          eq(refunds.tenantId, ctx.tenant.id),
          eq(refunds.paymentId, p.id),
          eq(refunds.status, "pending"),
        ),
      )) as [{ inFlight: string | null }];
    const left = p.capturedMinor - p.refundedMinor - Number(inFlight ?? 0);
    let amount = left;
    if (input.amount !== undefined) {
      try {
        amount = toMinor(input.amount, p.currency);
      } catch (err) {
        if (!(err instanceof MoneyFormatError)) throw err;
        throw new ValidationError(err.message, [
          { field: "amount", message: err.message, code: err.code },
        ]);
      }
    }
    if (amount <= 0 || amount > left) {
      const message =
        left <= 0
          ? "Nothing is left to refund on this payment (a refund may be in progress)"
          : `At most ${toMajor(left, p.currency)} ${p.currency} can be refunded`;
      throw new ValidationError(
        message,
        [{ field: "amount", message, code: "REFUND_EXCEEDS_CAPTURED" }],
        "REFUND_EXCEEDS_CAPTURED",
      );
    }
    const [refund] = await tx
      .insert(refunds)
      .values({
        tenantId: ctx.tenant.id,
        paymentId: p.id,
        status: "pending",
        amountMinor: amount,
        currency: p.currency,
        reason: input.reason,
        ...actorColumns(ctx),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    return { payment: p, refund: refund! };
  });
}

/** Step 2: the provider gives the money back; the key makes a retried call refund once. */
async function refundAtProvider(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  p: PaymentRow,
  r: RefundRow,
) {
  if (p.provider === "manual") return { id: `manual_${r.id}`, done: true };
  const idempotencyKey = `bs-refund-${r.id}`;
  if (p.provider === "stripe") {
    const credentials = await stripeCredentials(ctx.db, deps, ctx.tenant.id);
    if (!credentials) throw notConfigured("Stripe");
    const stripe = stripeClient(deps, credentials.secret_key);
    const refund = await callStripe(() =>
      stripe.refunds.create(
        {
          payment_intent: p.providerId!,
          amount: r.amountMinor,
          metadata: { refund_id: r.id, payment_id: p.id },
        },
        { idempotencyKey },
      ),
    );
    if (typeof refund.id !== "string") throw providerNonsense("Stripe");
    return { id: refund.id, done: refund.status === "succeeded" };
  }
  const paypal = await paypalFor(ctx, deps);
  const refund = await paypal.call<{ id: string; status: string }>(
    "POST",
    `/v2/payments/captures/${encodeURIComponent(p.providerChargeId ?? "")}/refund`,
    {
      body: {
        amount: { value: paypalValue(r.amountMinor, p.currency), currency_code: p.currency },
        custom_id: r.id,
        ...(r.reason && { note_to_payer: r.reason.slice(0, 255) }),
      },
      requestId: idempotencyKey,
    },
  );
  if (typeof refund.id !== "string") throw providerNonsense("PayPal");
  return { id: refund.id, done: refund.status === "COMPLETED" };
}

/** Full or partial refund (owners and admins). The order shows it and becomes refunded at the end. */
export async function refundPayment(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  paymentId: string,
  input: z.infer<typeof RefundCreate>,
) {
  authorize(ctx.actor, "payments:refund");
  const source = ctx.actor.type === "user" ? "admin" : "api";
  const { payment, refund } = await reserve(ctx, paymentId, input);
  let outcome: { id: string; done: boolean };
  try {
    outcome = await refundAtProvider(ctx, deps, payment, refund);
  } catch (err) {
    const message = err instanceof AppError ? err.detail : "The provider could not be reached";
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(refunds)
        .set({ status: "failed", failureMessage: message, updatedAt: ctx.now() })
        .where(eq(refunds.id, refund.id));
      await history(tx, ctx, payment.id, "refund_failed", source, {
        refund_id: refund.id,
        message,
      });
    });
    throw err;
  }
  await ctx.db.transaction(async (tx) => {
    if (outcome.done) {
      // The provider's webhook may have settled it already: applySnapshot counts it once.
      await applySnapshot(
        ctx,
        payment.id,
        {
          status: "completed",
          capturedMinor: payment.capturedMinor,
          refunds: [
            {
              providerRefundId: outcome.id,
              amountMinor: refund.amountMinor,
              ourRefundId: refund.id,
            },
          ],
        },
        source,
        undefined,
        tx,
      );
    } else {
      await tx
        .update(refunds)
        .set({ providerRefundId: outcome.id, updatedAt: ctx.now() })
        .where(eq(refunds.id, refund.id));
    }
    await recordAudit(tx, ctx, {
      action: "payment.refunded",
      resourceType: "payment",
      resourceId: payment.id,
      metadata: {
        refund_id: refund.id,
        amount: toMajor(refund.amountMinor, payment.currency),
        currency: payment.currency,
      },
    });
  });
  const [row] = await ctx.db.select().from(refunds).where(eq(refunds.id, refund.id));
  return {
    refund: presentRefund(row!),
    payment: await paymentDetail(ctx.db, ctx.tenant.id, payment.id),
  };
}
