import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { BadRequestError, providerNonsense } from "@/lib/errors";
import { log } from "@/lib/log";
import { toMinor } from "@/lib/money";
import type { PaymentsDeps } from "../deps";
import { stripeClient, type Stripe } from "../providers/stripe";
import { payments } from "../schema";
import { paypalFor, paymentByPayPalOrder, syncPayPalPayment } from "./paypal";
import type { PaymentRow } from "./present";
import { notConfigured, paypalCredentials, stripeCredentials } from "./settings";
import { applySnapshot } from "./state";
import { syncStripePayment } from "./stripe";

/**
 * Incoming provider webhooks (docs/payments.md, "Webhooks"): the raw body is verified before
 * anything is parsed, then the payment is re-read from the provider, never taken from the event,
 * and applied with the event's id (a redelivery changes nothing). Events about payments we did
 * not make are acknowledged and ignored, so the provider stops retrying them.
 */
export type WebhookOutcome = { received: true; handled: boolean; duplicate?: boolean };

const badSignature = (detail: string) => new BadRequestError(detail, "WEBHOOK_SIGNATURE_INVALID");

async function paymentBy(
  ctx: ServiceContext,
  column: "providerId" | "providerChargeId",
  provider: "stripe" | "paypal",
  value: string,
) {
  const [row] = await ctx.db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, ctx.tenant.id),
        eq(payments.provider, provider),
        eq(payments[column], value),
      ),
    );
  return row;
}

export async function receiveStripeWebhook(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  rawBody: string,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const credentials = await stripeCredentials(ctx.db, deps, ctx.tenant.id);
  if (!credentials?.webhook_secret) throw notConfigured("Stripe");
  const stripe = stripeClient(deps, credentials.secret_key);
  let event: Stripe.Event;
  try {
    // Checks the HMAC over the raw bytes and that the timestamp is within 5 minutes (replays).
    event = stripe.webhooks.constructEvent(rawBody, signature ?? "", credentials.webhook_secret);
  } catch (err) {
    throw badSignature(`Stripe-Signature does not verify: ${(err as Error).message}`);
  }
  const ref = { provider: "stripe" as const, id: event.id, type: event.type };
  let payment: PaymentRow | undefined;
  let refunds = false;
  if (event.type.startsWith("payment_intent.")) {
    const pi = event.data.object as Stripe.PaymentIntent;
    payment = await paymentBy(ctx, "providerId", "stripe", pi.id);
  } else if (event.type === "charge.refunded" || event.type.startsWith("refund.")) {
    const object = event.data.object as Stripe.Charge | Stripe.Refund;
    const pi =
      typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id;
    payment = pi ? await paymentBy(ctx, "providerId", "stripe", pi) : undefined;
    refunds = true;
  }
  if (!payment) {
    log.info("stripe webhook ignored", { type: event.type, eventId: event.id });
    return { received: true, handled: false };
  }
  const outcome = await syncStripePayment(ctx, deps, payment, "webhook", { event: ref, refunds });
  return { received: true, handled: true, ...(outcome.duplicate && { duplicate: true }) };
}

const PAYPAL_HEADERS = [
  "transmission-id",
  "transmission-time",
  "transmission-sig",
  "cert-url",
  "auth-algo",
] as const;

interface PayPalEvent {
  id: string;
  event_type: string;
  resource?: {
    id?: string;
    status?: string;
    supplementary_data?: { related_ids?: { order_id?: string } };
    links?: { rel: string; href: string }[];
  };
}

/** PayPal signs with a certificate; its verify-webhook-signature call does the checking. */
export async function receivePayPalWebhook(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  rawBody: string,
  headers: (name: string) => string | undefined,
): Promise<WebhookOutcome> {
  const credentials = await paypalCredentials(ctx.db, deps, ctx.tenant.id);
  if (!credentials?.webhook_id) throw notConfigured("PayPal");
  const values = Object.fromEntries(PAYPAL_HEADERS.map((h) => [h, headers(`paypal-${h}`)]));
  if (PAYPAL_HEADERS.some((h) => !values[h]))
    throw badSignature("PayPal's transmission headers are missing");
  let event: PayPalEvent;
  try {
    event = JSON.parse(rawBody) as PayPalEvent;
  } catch {
    throw badSignature("The body is not PayPal's JSON");
  }
  if (typeof event?.id !== "string" || typeof event.event_type !== "string")
    throw badSignature("Not a PayPal event");
  const paypal = await paypalFor(ctx, deps);
  // The event goes back byte for byte: PayPal's signature covers the raw body.
  const verification = await paypal.call<{ verification_status?: string }>(
    "POST",
    "/v1/notifications/verify-webhook-signature",
    {
      rawBody: `{"auth_algo":${JSON.stringify(values["auth-algo"])},"cert_url":${JSON.stringify(values["cert-url"])},"transmission_id":${JSON.stringify(values["transmission-id"])},"transmission_sig":${JSON.stringify(values["transmission-sig"])},"transmission_time":${JSON.stringify(values["transmission-time"])},"webhook_id":${JSON.stringify(credentials.webhook_id)},"webhook_event":${rawBody}}`,
    },
  );
  if (verification.verification_status !== "SUCCESS")
    throw badSignature("PayPal did not verify this webhook's signature");

  const ref = { provider: "paypal" as const, id: event.id, type: event.event_type };
  const resource = event.resource ?? {};
  if (
    event.event_type.startsWith("PAYMENT.CAPTURE.") &&
    event.event_type !== "PAYMENT.CAPTURE.REFUNDED"
  ) {
    const orderId = resource.supplementary_data?.related_ids?.order_id;
    const payment = orderId
      ? await paymentByPayPalOrder(ctx, orderId).catch(() => undefined)
      : undefined;
    if (!payment) return { received: true, handled: false };
    const outcome = await syncPayPalPayment(ctx, deps, payment, "webhook", ref);
    return { received: true, handled: true, ...(outcome.duplicate && { duplicate: true }) };
  }
  if (event.event_type === "PAYMENT.CAPTURE.REFUNDED" && resource.id) {
    const refund = await paypal.call<{
      id: string;
      status: string;
      amount?: { value: string };
      custom_id?: string;
      links?: { rel: string; href: string }[];
    }>("GET", `/v2/payments/refunds/${encodeURIComponent(resource.id)}`);
    const captureId = refund.links
      ?.find((l) => l.rel === "up")
      ?.href.split("/")
      .pop();
    const payment = captureId
      ? await paymentBy(ctx, "providerChargeId", "paypal", captureId)
      : undefined;
    if (!payment || refund.status !== "COMPLETED" || !refund.amount)
      return { received: true, handled: false };
    let amountMinor: number;
    try {
      amountMinor = toMinor(String(refund.amount.value), payment.currency);
    } catch {
      throw providerNonsense("PayPal");
    }
    const outcome = await applySnapshot(
      ctx,
      payment.id,
      {
        status: "completed",
        capturedMinor: payment.capturedMinor,
        refunds: [
          {
            providerRefundId: refund.id,
            amountMinor,
            ourRefundId: refund.custom_id,
          },
        ],
      },
      "webhook",
      ref,
    );
    return { received: true, handled: true, ...(outcome.duplicate && { duplicate: true }) };
  }
  return { received: true, handled: false };
}
