import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { sha256Hex } from "@/lib/crypto";
import { authorize } from "@/lib/auth/permissions";
import { AppError, providerNonsense } from "@/lib/errors";
import type { StripeIntent, StripeIntentCreate } from "../contract";
import type { PaymentsDeps } from "../deps";
import { callStripe, stripeClient, stripeProblem, type Stripe } from "../providers/stripe";
import { payments } from "../schema";
import { checkOrderAmount, insertPayment } from "./create";
import type { PaymentRow } from "./present";
import { notConfigured, stripeCredentials } from "./settings";
import { applySnapshot, type ProviderEventRef, type ProviderSnapshot, type Source } from "./state";

const whole = (n: unknown) => (Number.isSafeInteger(n) && (n as number) > 0 ? (n as number) : 0);

/** A PaymentIntent we can use, or a 502: a provider's odd reply is never a 500 of ours. */
function usableIntent(pi: Stripe.PaymentIntent | undefined): Stripe.PaymentIntent {
  if (
    !pi ||
    typeof pi.id !== "string" ||
    !pi.id ||
    !whole(pi.amount) ||
    typeof pi.status !== "string"
  )
    throw providerNonsense("Stripe");
  return pi;
}

/** What a PaymentIntent says, in our terms. */
export function stripeSnapshot(
  pi: Stripe.PaymentIntent,
  refunds: Stripe.Refund[] = [],
): ProviderSnapshot {
  const error = pi.last_payment_error;
  const status =
    pi.status === "succeeded"
      ? "completed"
      : pi.status === "canceled"
        ? "cancelled"
        : pi.status === "requires_payment_method" && error
          ? "failed"
          : "pending";
  return {
    status,
    capturedMinor: pi.status === "succeeded" ? whole(pi.amount_received) || whole(pi.amount) : 0,
    chargeId:
      typeof pi.latest_charge === "string" ? pi.latest_charge : (pi.latest_charge?.id ?? null),
    failure: error
      ? { code: error.decline_code ?? error.code ?? null, message: error.message ?? null }
      : null,
    livemode: pi.livemode,
    refunds: refunds
      .filter((r) => r.status === "succeeded" && typeof r.id === "string" && whole(r.amount))
      .map((r) => ({
        providerRefundId: r.id,
        amountMinor: r.amount,
        ourRefundId: r.metadata?.refund_id ?? null,
      })),
  };
}

async function clientFor(ctx: ServiceContext, deps: PaymentsDeps) {
  const credentials = await stripeCredentials(ctx.db, deps, ctx.tenant.id);
  if (!credentials) throw notConfigured("Stripe");
  return { stripe: stripeClient(deps, credentials.secret_key), credentials };
}

/** Re-reads a Stripe payment (and its refunds when asked) and applies what Stripe says. */
export async function syncStripePayment(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  payment: PaymentRow,
  source: Source,
  options: { event?: ProviderEventRef; refunds?: boolean } = {},
) {
  const { stripe } = await clientFor(ctx, deps);
  const pi = usableIntent(
    await callStripe(() => stripe.paymentIntents.retrieve(payment.providerId!)),
  );
  const refunds =
    options.refunds && pi.status === "succeeded"
      ? (await callStripe(() => stripe.refunds.list({ payment_intent: pi.id, limit: 100 }))).data
      : [];
  return applySnapshot(ctx, payment.id, stripeSnapshot(pi, refunds), source, options.event);
}

export interface IntentRequest {
  amountMinor: number;
  currency: string;
  orderId?: string;
  paymentMethod?: string;
  description?: string;
}

const reply = (pi: Stripe.PaymentIntent, paymentId: string, orderId: string | null) => ({
  id: pi.id,
  client_secret: pi.client_secret ?? "",
  amount: pi.amount,
  currency: pi.currency,
  status: pi.status,
  payment_id: paymentId,
  order_id: orderId,
});

/**
 * The open intent of an order for this amount, when there is one: a customer who reloads the
 * checkout page (or an integrator who retries without an Idempotency-Key) gets the same intent.
 */
async function reusableIntent(ctx: ServiceContext, stripe: Stripe, req: IntentRequest) {
  if (!req.orderId || req.paymentMethod) return undefined;
  const [open] = await ctx.db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, ctx.tenant.id),
        eq(payments.orderId, req.orderId),
        eq(payments.provider, "stripe"),
        inArray(payments.status, ["pending", "failed"]),
        eq(payments.amountMinor, req.amountMinor),
        eq(payments.currency, req.currency),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (!open?.providerId) return undefined;
  const pi = usableIntent(await callStripe(() => stripe.paymentIntents.retrieve(open.providerId!)));
  const usable = ["requires_payment_method", "requires_confirmation", "requires_action"];
  return usable.includes(pi.status) ? reply(pi, open.id, req.orderId) : undefined;
}

/** Creates (or, for the same order and amount, reuses) a PaymentIntent and its payment row. */
export async function openStripeIntent(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  req: IntentRequest,
  options: { clientKey?: string; source: Source },
): Promise<z.infer<typeof StripeIntent>> {
  const { stripe } = await clientFor(ctx, deps);
  if (req.orderId) await checkOrderAmount(ctx, req.orderId, req.amountMinor, req.currency);
  if (!options.clientKey) {
    const reused = await reusableIntent(ctx, stripe, req);
    if (reused) return reused;
  }
  const paymentId = randomUUID();
  // A retried request (same Idempotency-Key) reaches Stripe with the same key: the same intent.
  const idempotencyKey = `bs-${ctx.tenant.id}-${options.clientKey ? sha256Hex(options.clientKey).slice(0, 32) : paymentId}`;
  const params: Stripe.PaymentIntentCreateParams = {
    amount: req.amountMinor,
    currency: req.currency.toLowerCase(),
    automatic_payment_methods: req.paymentMethod
      ? { enabled: true, allow_redirects: "never" }
      : { enabled: true },
    metadata: {
      store: ctx.tenant.slug,
      payment_id: paymentId,
      ...(req.orderId && { order_id: req.orderId }),
    },
    ...(req.description && { description: req.description }),
    ...(req.paymentMethod && { payment_method: req.paymentMethod, confirm: true }),
  };
  let pi: Stripe.PaymentIntent;
  let declined: ReturnType<typeof stripeProblem> | undefined;
  try {
    pi = usableIntent(await stripe.paymentIntents.create(params, { idempotencyKey }));
  } catch (err) {
    if (err instanceof AppError) throw err;
    const intent = (err as { payment_intent?: Stripe.PaymentIntent }).payment_intent;
    if (!intent?.id) throw stripeProblem(err);
    // Declined at once (a saved card): the intent exists, and so does our failed payment.
    pi = usableIntent(intent);
    declined = stripeProblem(err);
  }
  const row = await insertPayment(ctx, {
    id: paymentId,
    provider: "stripe",
    providerId: pi.id,
    orderId: req.orderId ?? null,
    amountMinor: pi.amount,
    currency: req.currency,
    livemode: pi.livemode,
    source: options.source,
  });
  // A new intent waits for the customer: only one confirmed at once (a saved card) moves on now.
  const snapshot = stripeSnapshot(pi);
  if (snapshot.status !== "pending") await applySnapshot(ctx, row.id, snapshot, options.source);
  if (declined) throw declined;
  return reply(pi, row.id, req.orderId ?? null);
}

/** POST /payments/stripe/create-payment-intent: amounts in minor units, as the guide sends them. */
export async function createStripeIntent(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  input: z.infer<typeof StripeIntentCreate>,
  clientKey?: string,
) {
  authorize(ctx.actor, "payments:write");
  return openStripeIntent(
    ctx,
    deps,
    {
      amountMinor: input.amount,
      currency: input.currency,
      orderId: input.order_id,
      paymentMethod: input.payment_method,
      description: input.description,
    },
    { clientKey, source: ctx.actor.type === "user" ? "admin" : "api" },
  );
}
