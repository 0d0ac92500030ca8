import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { adminClientIp } from "@/lib/client-ip";
import { BrainSAITStore, StoreApiError, type CheckoutView } from "@/lib/sdk";

/** A link's token as the API accepts it; anything longer cannot name a link. */
export const TOKEN_MAX = 200;

/**
 * The Store API as the customer holding the link: no sign-in, the token is the credential. The
 * client needs a store slug, which these routes ignore (the token names the store).
 */
export async function checkoutApi(options: { maxRetries?: number } = {}) {
  const forwardedFor = adminClientIp((await headers()).get("x-forwarded-for"));
  return new BrainSAITStore({ tenantId: "checkout", forwardedFor, ...options }).checkout;
}

/** Unknown or malformed links render the checkout's not-found page (404). */
async function orNotFound(read: () => Promise<CheckoutView>): Promise<CheckoutView> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }
}

/** The link's order and state, read once per request (the page and its metadata share it). */
export const getCheckout = cache(async (token: string) => {
  if (!token || token.length > TOKEN_MAX) notFound();
  const api = await checkoutApi();
  return orNotFound(() => api.get(token));
});

/** After Stripe's redirect: the view once the open payment has been re-read from Stripe. */
export const refreshCheckout = cache(async (token: string) => {
  if (!token || token.length > TOKEN_MAX) notFound();
  const api = await checkoutApi();
  return orNotFound(() => api.refresh(token));
});
