import { and, eq } from "drizzle-orm";
import { outboxEvents } from "@/lib/events/schema";
import type { Tenant } from "@/lib/tenants/schema";
import type { Role } from "@/lib/users/schema";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";
import { startFakePaypal, type FakePaypal } from "../support/fake-paypal";
import { createTenant, createTestApi, createUser, login } from "./harness";

/** A Store API whose Stripe and PayPal clients talk to the local fakes (tests/support). */
export async function paymentsWorld(options: { providerTimeoutMs?: number } = {}) {
  const stripe = await startFakeStripe({ slowMs: 3000 });
  const paypal = await startFakePaypal();
  const t = await createTestApi({
    stripeApiUrl: stripe.url,
    paypalApiUrl: paypal.url,
    providerTimeoutMs: options.providerTimeoutMs ?? 5000,
  });
  return {
    t,
    stripe,
    paypal,
    async close() {
      await t.close();
      await stripe.close();
      await paypal.close();
    },
  };
}

export type PaymentsWorld = Awaited<ReturnType<typeof paymentsWorld>>;

export const STRIPE_KEYS = {
  secret_key: "sk_test_51AbCdEfGhIjKlMnOpQr",
  publishable_key: "pk_test_51AbCdEfGhIjKlMnOpQr",
  webhook_secret: "whsec_testSecretForTheFakeStripe1234",
};
export const PAYPAL_KEYS = {
  client_id: "AXfakeClientId1234",
  client_secret: "EFfakeClientSecret5678",
  webhook_id: "WH-1AB23456CD789012E",
  mode: "sandbox" as const,
};

/** A store with a signed-in member, its currency and VAT, and Stripe/PayPal set up unless asked not to. */
export async function paymentsShop(
  w: PaymentsWorld,
  options: { role?: Role; tenant?: Partial<Tenant>; stripe?: boolean; paypal?: boolean } = {},
) {
  const { t } = w;
  const tenant = await createTenant(t, {
    currency: "USD",
    vatRateBp: 0,
    pricesIncludeVat: true,
    ...options.tenant,
  });
  const owner = await createUser(t, tenant, { role: "owner" });
  const ownerToken = (await login(t, tenant, owner)).access_token;
  const user =
    options.role && options.role !== "owner"
      ? await createUser(t, tenant, { role: options.role })
      : owner;
  const token = user === owner ? ownerToken : (await login(t, tenant, user)).access_token;
  const as =
    (bearer: string) =>
    (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
      t.request(path, {
        method,
        headers: { "x-tenant-id": tenant.slug, authorization: `Bearer ${bearer}`, ...headers },
        json,
      });
  const call = as(token);
  const asOwner = as(ownerToken);
  if (options.stripe !== false)
    await asOwner("PUT", "/api/v1/payments/settings/stripe", STRIPE_KEYS);
  if (options.paypal !== false)
    await asOwner("PUT", "/api/v1/payments/settings/paypal", PAYPAL_KEYS);

  /** A pending order of one custom line of `price` (major units) in the store's currency. */
  const order = async (price: string | number = "299.99", quantity = 1) => {
    const res = await asOwner("POST", "/api/v1/store/orders", {
      items: [{ name: { en: "AI Tool", ar: "أداة" }, price, quantity }],
      customer_email: "buyer@example.com",
    });
    if (res.status !== 201) throw new Error(`order: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; number: string; total: number; status: string };
  };
  const getOrder = async (id: string) =>
    (await (await asOwner("GET", `/api/v1/store/orders/${id}`)).json()) as {
      status: string;
      amount_paid: number;
      amount_refunded: number;
      timeline: { type: string }[];
    };
  const events = async (name: string) =>
    t.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.tenantId, tenant.id), eq(outboxEvents.event, name)));
  return { tenant, call, asOwner, order, getOrder, events, token };
}

/** A Stripe event for the intent as the fake has it now, signed the way Stripe signs. */
export function stripeWebhook(w: PaymentsWorld, type: string, object: unknown, timestamp?: number) {
  const event = w.stripe.event(type, object);
  const body = JSON.stringify(event);
  return { event, body, signature: w.stripe.sign(body, STRIPE_KEYS.webhook_secret, timestamp) };
}

export function postStripeWebhook(w: PaymentsWorld, slug: string, body: string, signature: string) {
  return w.t.request("/api/v1/payments/webhooks/stripe", {
    method: "POST",
    headers: {
      "x-tenant-id": slug,
      "stripe-signature": signature,
      "content-type": "application/json",
    },
    body,
  });
}

export type { FakeStripe, FakePaypal };
