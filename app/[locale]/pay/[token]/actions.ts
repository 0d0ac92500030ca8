"use server";

import { z } from "zod";
import { publicAction, toResult } from "@/lib/admin/safe-action";
import { checkoutApi, TOKEN_MAX } from "./_components/checkout-api";

/**
 * The checkout's calls from the browser. No session: the link's token, bound by the page, is the
 * credential, and the Store API checks it on every call. Paying twice must never happen by a
 * retry, so none of these retries.
 */
const Token = z.string().min(1).max(TOKEN_MAX);
const NOT_FOUND = { code: "CHECKOUT_NOT_FOUND", message: "Checkout link not found" };

/** A PaymentIntent for what the order owes (the open one again, if there is one). */
export const startStripePayment = toResult(
  publicAction
    .metadata({ notFound: NOT_FOUND })
    .bindArgsSchemas([Token])
    .action(async ({ bindArgsParsedInputs: [token] }) => {
      const { clientSecret } = await (await checkoutApi({ maxRetries: 0 })).stripe(token);
      return { clientSecret };
    }),
);

/** A PayPal order for what the order owes; PayPal's buttons open it. */
export const startPayPalOrder = toResult(
  publicAction
    .metadata({ notFound: NOT_FOUND })
    .bindArgsSchemas([Token])
    .action(async ({ bindArgsParsedInputs: [token] }) => {
      const { id } = await (await checkoutApi({ maxRetries: 0 })).paypal(token);
      return { id };
    }),
);

const Capture = z.object({ paypalOrderId: z.string().trim().min(1).max(64) });

/** After the customer approved in PayPal: takes the money; the page then shows it paid. */
export const capturePayPalOrder = toResult(
  publicAction
    .metadata({ notFound: NOT_FOUND })
    .bindArgsSchemas([Token])
    .inputSchema(Capture)
    .action(async ({ parsedInput, bindArgsParsedInputs: [token] }) => {
      const view = await (
        await checkoutApi({ maxRetries: 0 })
      ).capturePayPal(token, parsedInput.paypalOrderId);
      return { state: view.state };
    }),
);
