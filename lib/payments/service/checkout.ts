import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { decryptSecret, encryptSecret, sha256Hex } from "@/lib/crypto";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { toMajor } from "@/lib/money";
import { lockOrderForPayment, orderForCheckout } from "@/lib/orders/service";
import { tenants } from "@/lib/tenants/schema";
import { CHECKOUT_LINK_DAYS, PAYPAL_CURRENCIES } from "../constants";
import type { CheckoutLinkSchema, CheckoutView } from "../contract";
import type { PaymentsDeps } from "../deps";
import { checkoutLinks, payments } from "../schema";
import { assertPayable } from "./create";
import { capturePayment, openPayPalOrder, paymentByPayPalOrder } from "./paypal";
import { manualSettings, paypalCredentials, stripeCredentials } from "./settings";
import { openStripeIntent, syncStripePayment } from "./stripe";

/**
 * Hosted checkout (docs/payments.md, "Checkout links"): an order's link carries a 192-bit token;
 * the database keeps its SHA-256 to find it and a sealed copy so the admin can copy it again.
 * Making a new link or revoking one ends the old link at once.
 */
const linkNotFound = () =>
  new NotFoundError("This order has no checkout link", "CHECKOUT_LINK_NOT_FOUND");
const checkoutNotFound = () =>
  new NotFoundError("This checkout link does not exist", "CHECKOUT_NOT_FOUND");

type LinkRow = typeof checkoutLinks.$inferSelect;

function presentLink(deps: PaymentsDeps, link: LinkRow): z.infer<typeof CheckoutLinkSchema> {
  const token = decryptSecret(deps.encryptionKey, link.tokenSealed);
  return {
    order_id: link.orderId,
    url: `${deps.publicUrl.replace(/\/$/, "")}/pay/${token}`,
    token,
    expires_at: link.expiresAt.toISOString(),
    created_at: link.createdAt.toISOString(),
  };
}

async function activeLink(db: Db, tenantId: string, orderId: string) {
  const [link] = await db
    .select()
    .from(checkoutLinks)
    .where(
      and(
        eq(checkoutLinks.tenantId, tenantId),
        eq(checkoutLinks.orderId, orderId),
        isNull(checkoutLinks.revokedAt),
      ),
    )
    .orderBy(desc(checkoutLinks.createdAt))
    .limit(1);
  return link;
}

export async function getCheckoutLink(ctx: ServiceContext, deps: PaymentsDeps, orderId: string) {
  authorize(ctx.actor, "payments:read");
  await ctx.db.transaction((tx) => lockOrderForPayment(tx, ctx, orderId));
  const link = await activeLink(ctx.db, ctx.tenant.id, orderId);
  if (!link) throw linkNotFound();
  return presentLink(deps, link);
}

export async function createCheckoutLink(ctx: ServiceContext, deps: PaymentsDeps, orderId: string) {
  authorize(ctx.actor, "payments:write");
  const link = await ctx.db.transaction(async (tx) => {
    const order = await lockOrderForPayment(tx, ctx, orderId);
    assertPayable(order);
    const now = ctx.now();
    await tx
      .update(checkoutLinks)
      .set({ revokedAt: now })
      .where(
        and(
          eq(checkoutLinks.tenantId, ctx.tenant.id),
          eq(checkoutLinks.orderId, orderId),
          isNull(checkoutLinks.revokedAt),
        ),
      );
    const token = `bsp_${randomBytes(24).toString("base64url")}`;
    const [row] = await tx
      .insert(checkoutLinks)
      .values({
        tenantId: ctx.tenant.id,
        orderId,
        tokenHash: sha256Hex(token),
        tokenSealed: encryptSecret(deps.encryptionKey, token),
        expiresAt: new Date(now.getTime() + CHECKOUT_LINK_DAYS * 86_400_000),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "checkout_link.created",
      resourceType: "order",
      resourceId: orderId,
    });
    return row!;
  });
  return presentLink(deps, link);
}

export async function revokeCheckoutLink(ctx: ServiceContext, orderId: string) {
  authorize(ctx.actor, "payments:write");
  await ctx.db.transaction(async (tx) => {
    await lockOrderForPayment(tx, ctx, orderId);
    const revoked = await tx
      .update(checkoutLinks)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(checkoutLinks.tenantId, ctx.tenant.id),
          eq(checkoutLinks.orderId, orderId),
          isNull(checkoutLinks.revokedAt),
        ),
      )
      .returning({ id: checkoutLinks.id });
    if (!revoked.length) throw linkNotFound();
    await recordAudit(tx, ctx, {
      action: "checkout_link.revoked",
      resourceType: "order",
      resourceId: orderId,
    });
  });
}

/* ---- The customer's side: the token is the credential ---- */

export interface CheckoutSession {
  ctx: ServiceContext;
  link: LinkRow;
}

/**
 * The link and a service context for its store, with no actor (the customer is nobody we know).
 * Found by the token's hash; a revoked or expired link is still found, to say so.
 */
export async function openCheckout(
  base: Omit<ServiceContext, "tenant" | "actor">,
  token: string,
): Promise<CheckoutSession> {
  if (!/^bsp_[A-Za-z0-9_-]{20,60}$/.test(token)) throw checkoutNotFound();
  const [found] = await base.db
    .select({ link: checkoutLinks, tenant: tenants })
    .from(checkoutLinks)
    .innerJoin(tenants, eq(tenants.id, checkoutLinks.tenantId))
    .where(eq(checkoutLinks.tokenHash, sha256Hex(token)));
  if (!found) throw checkoutNotFound();
  return { ctx: { ...base, tenant: found.tenant }, link: found.link };
}

function stateOf(
  s: CheckoutSession,
  order: { status: string; total: number; amount_paid: number },
) {
  if (s.link.revokedAt) return "revoked" as const;
  if (order.status === "cancelled") return "cancelled" as const;
  if (order.status !== "pending" || (order.amount_paid >= order.total && order.total > 0))
    return "paid" as const;
  if (s.link.expiresAt <= s.ctx.now() || s.ctx.tenant.status !== "active")
    return "expired" as const;
  return "open" as const;
}

export async function checkoutView(
  s: CheckoutSession,
  deps: PaymentsDeps,
): Promise<z.infer<typeof CheckoutView>> {
  const { ctx } = s;
  const { order, row } = await orderForCheckout(ctx.db, ctx, s.link.orderId);
  const [stripe, paypal, manual, [lastFailed]] = await Promise.all([
    stripeCredentials(ctx.db, deps, ctx.tenant.id),
    paypalCredentials(ctx.db, deps, ctx.tenant.id),
    manualSettings(ctx.db, ctx.tenant.id),
    ctx.db
      .select({ message: payments.failureMessage, status: payments.status })
      .from(payments)
      .where(and(eq(payments.tenantId, ctx.tenant.id), eq(payments.orderId, row.id)))
      .orderBy(desc(payments.updatedAt))
      .limit(1),
  ]);
  return {
    state: stateOf(s, order),
    store: { name: { en: ctx.tenant.nameEn, ar: ctx.tenant.nameAr }, slug: ctx.tenant.slug },
    order: {
      number: order.number,
      status: order.status,
      currency: order.currency,
      items: order.items.map((i) => ({
        name: i.name,
        quantity: i.quantity,
        unit_price: i.unit_price,
        total: i.total,
      })),
      subtotal: order.subtotal,
      tax: order.tax,
      total: order.total,
      vat_rate: order.vat_rate,
      prices_include_vat: order.prices_include_vat,
      amount_due: toMajor(Math.max(0, row.totalMinor - row.paidMinor), row.currency),
    },
    providers: {
      stripe: stripe ? { publishable_key: stripe.publishable_key } : null,
      paypal:
        paypal && PAYPAL_CURRENCIES.has(order.currency)
          ? { client_id: paypal.client_id, mode: paypal.mode }
          : null,
      manual,
    },
    last_failure: lastFailed?.status === "failed" ? (lastFailed.message ?? "") : null,
    expires_at: s.link.expiresAt.toISOString(),
  };
}

function assertOpen(state: string) {
  if (state !== "open")
    throw new ConflictError(`This checkout link is ${state}`, "CHECKOUT_CLOSED");
}

async function owed(s: CheckoutSession) {
  const view = await orderForCheckout(s.ctx.db, s.ctx, s.link.orderId);
  assertOpen(stateOf(s, view.order));
  return view.row;
}

export async function checkoutStripe(s: CheckoutSession, deps: PaymentsDeps) {
  const row = await owed(s);
  const intent = await openStripeIntent(
    s.ctx,
    deps,
    { amountMinor: row.totalMinor - row.paidMinor, currency: row.currency, orderId: row.id },
    { source: "checkout" },
  );
  return { client_secret: intent.client_secret, payment_id: intent.payment_id };
}

export async function checkoutPayPal(s: CheckoutSession, deps: PaymentsDeps) {
  const row = await owed(s);
  const order = await openPayPalOrder(
    s.ctx,
    deps,
    { currency: row.currency, order_id: row.id },
    { source: "checkout" },
  );
  return { id: order.id, payment_id: order.payment_id };
}

export async function checkoutCapturePayPal(
  s: CheckoutSession,
  deps: PaymentsDeps,
  paypalOrderId: string,
) {
  const payment = await paymentByPayPalOrder(s.ctx, paypalOrderId);
  if (payment.orderId !== s.link.orderId) throw checkoutNotFound();
  await capturePayment(s.ctx, deps, payment, "checkout");
  return checkoutView(s, deps);
}

/** After Stripe's redirect: the customer should see "paid" even before Stripe's webhook lands. */
export async function checkoutRefresh(s: CheckoutSession, deps: PaymentsDeps) {
  const open = await s.ctx.db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, s.ctx.tenant.id),
        eq(payments.orderId, s.link.orderId),
        eq(payments.provider, "stripe"),
        inArray(payments.status, ["pending", "failed"]),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(3);
  for (const p of open) await syncStripePayment(s.ctx, deps, p, "checkout");
  return checkoutView(s, deps);
}
