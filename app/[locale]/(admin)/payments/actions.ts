"use server";

import { z } from "zod";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import { MANUAL_METHODS } from "@/lib/payments/constants";
import { StoreApiError } from "@/lib/sdk";

// A payment changes its order too (amount paid, status, timeline): refresh both.
const PAYMENTS = { updates: "payments", fieldNames: "camelCase" } as const;
const ORDERS = { updates: "orders", fieldNames: "camelCase" } as const;

const Amount = z.string().trim().max(40);

const RefundInput = z.object({
  amount: Amount,
  reason: z.string().trim().max(500),
  /** One per dialog opening: a retried or double-clicked confirmation refunds once. */
  idempotencyKey: z.uuid(),
});

/** Gives money back through the payment's provider. Owners and admins; the API refuses others. */
export const refundPayment = toResult(
  adminAction
    .metadata({
      ...PAYMENTS,
      notFound: { code: "PAYMENT_NOT_FOUND", message: "Payment not found" },
    })
    .bindArgsSchemas([Locale, z.uuid()])
    .inputSchema(RefundInput, fieldIssues(RefundInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, id], ctx: { store } }) => {
      const { amount, reason, idempotencyKey } = parsedInput;
      const { refund } = await store.payments.refund(
        id,
        { amount, reason: reason || undefined },
        { idempotencyKey },
      );
      return {
        amount: refund.amount,
        currency: refund.currency,
        status: refund.status,
        failureMessage: refund.failureMessage,
      };
    }),
);

const ManualInput = z.object({
  method: z.enum(MANUAL_METHODS),
  reference: z.string().trim().max(200),
  amount: Amount,
});

const withOrder = adminAction
  .metadata({ ...ORDERS, notFound: { code: "ORDER_NOT_FOUND", message: "Order not found" } })
  .bindArgsSchemas([Locale, z.uuid()]);

/** A bank transfer or cash the store received for the order; the order moves to paid. */
export const recordManualPayment = toResult(
  withOrder
    .inputSchema(ManualInput, fieldIssues(ManualInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, orderId], ctx: { store } }) => {
      const payment = await store.payments.recordManual({
        orderId,
        method: parsedInput.method,
        reference: parsedInput.reference || undefined,
        amount: parsedInput.amount || undefined,
      });
      return { id: payment.id, amount: payment.amount, currency: payment.currency };
    }),
);

/** A new hosted checkout link for the order; an earlier one stops working. */
export const createCheckoutLink = toResult(
  withOrder.action(async ({ bindArgsParsedInputs: [, orderId], ctx: { store } }) => {
    const link = await store.payments.createCheckoutLink(orderId);
    return { url: link.url, expiresAt: link.expiresAt };
  }),
);

/** Ends the order's checkout link; one already gone counts as revoked. */
export const revokeCheckoutLink = toResult(
  withOrder.action(async ({ bindArgsParsedInputs: [, orderId], ctx: { store } }) => {
    try {
      await store.payments.revokeCheckoutLink(orderId);
    } catch (error) {
      if (!(error instanceof StoreApiError && error.code === "CHECKOUT_LINK_NOT_FOUND"))
        throw error;
    }
    return null;
  }),
);
