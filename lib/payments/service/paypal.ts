import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { sha256Hex } from "@/lib/crypto";
import { AppError, providerNonsense, ValidationError } from "@/lib/errors";
import { authorize } from "@/lib/auth/permissions";
import { currencyExponent, MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import { orderForCheckout } from "@/lib/orders/service";
import { PAYPAL_CURRENCIES } from "../constants";
import type { PayPalItemInput, PayPalOrder, PayPalOrderCreate } from "../contract";
import type { PaymentsDeps } from "../deps";
import { PayPalClient } from "../providers/paypal";
import { payments } from "../schema";
import { assertPayable, insertPayment } from "./create";
import { paymentDetail, paymentNotFound, type PaymentRow } from "./present";
import { notConfigured, paypalCredentials } from "./settings";
import { applySnapshot, type ProviderEventRef, type ProviderSnapshot, type Source } from "./state";

/** PayPal's view of money and orders: just what we read. */
interface PayPalAmount {
  currency_code: string;
  value: string;
}
interface PayPalCapture {
  id: string;
  status: string;
  amount?: PayPalAmount;
}
interface PayPalRefund {
  id: string;
  status: string;
  amount?: PayPalAmount;
  custom_id?: string;
  links?: { rel: string; href: string }[];
}
export interface PayPalOrderBody {
  id: string;
  status: string;
  links?: { rel: string; href: string }[];
  purchase_units?: {
    payments?: { captures?: PayPalCapture[]; refunds?: PayPalRefund[] };
  }[];
}

/** PayPal takes no decimals for these, though ISO gives HUF and TWD two. */
const WHOLE_ONLY = new Set(["HUF", "TWD", "JPY"]);

export async function paypalFor(ctx: ServiceContext, deps: PaymentsDeps) {
  const credentials = await paypalCredentials(ctx.db, deps, ctx.tenant.id);
  if (!credentials) throw notConfigured("PayPal");
  return new PayPalClient(deps, {
    clientId: credentials.client_id,
    clientSecret: credentials.client_secret,
    mode: credentials.mode,
  });
}

const invalid = (field: string, message: string, code = "invalid") =>
  new ValidationError(message, [{ field, message, code }]);

/** Minor units as PayPal's decimal string ("199.99", "5000" for HUF). */
export function paypalValue(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (WHOLE_ONLY.has(currency)) {
    if (minor % 10 ** exponent)
      throw invalid("amount", `PayPal takes whole ${currency} amounts only`);
    return String(minor / 10 ** exponent);
  }
  const digits = String(minor).padStart(exponent + 1, "0");
  return exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
}

function minorOf(value: string | number | undefined, currency: string, field: string): number {
  try {
    return toMinor(value ?? "", currency);
  } catch (err) {
    if (err instanceof MoneyFormatError) throw invalid(field, err.message, err.code);
    throw err;
  }
}

type ItemInput = z.infer<typeof PayPalItemInput>;
interface Line {
  name: string;
  quantity: number;
  unitMinor: number;
  sku?: string;
}

/** A line as PayPal names it, or as our orders do: one shape inside. */
function toLine(item: ItemInput, i: number, currency: string): Line {
  const name = typeof item.name === "string" ? item.name : item.name.en || item.name.ar || "";
  if (!name) throw invalid(`items.${i}.name`, "A line needs a name");
  if (item.unit_amount?.currency_code && item.unit_amount.currency_code !== currency) {
    throw invalid(
      `items.${i}.unit_amount.currency_code`,
      `Lines must be in ${currency}`,
      "CURRENCY_MISMATCH",
    );
  }
  const price = item.unit_amount?.value ?? item.unit_price ?? item.price;
  if (price === undefined)
    throw invalid(`items.${i}.unit_amount`, "A line needs unit_amount.value (or unit_price)");
  return {
    name: name.slice(0, 127),
    quantity: Number(item.quantity),
    unitMinor: minorOf(price, currency, `items.${i}.unit_amount.value`),
    ...(item.sku && { sku: item.sku }),
  };
}

/** PayPal's order in our terms; an amount we cannot read is PayPal's fault, a 502. */
export function paypalSnapshot(order: PayPalOrderBody, currency: string): ProviderSnapshot {
  try {
    return readPayPalOrder(order, currency);
  } catch (err) {
    if (err instanceof MoneyFormatError || err instanceof TypeError)
      throw providerNonsense("PayPal");
    throw err;
  }
}

function readPayPalOrder(order: PayPalOrderBody, currency: string): ProviderSnapshot {
  const unit = order.purchase_units?.[0];
  const capture = unit?.payments?.captures?.[0];
  const refunds = (unit?.payments?.refunds ?? [])
    .filter((r) => r.status === "COMPLETED" && r.amount)
    .map((r) => ({
      providerRefundId: r.id,
      amountMinor: toMinor(r.amount!.value, currency),
      ourRefundId: r.custom_id ?? null,
    }));
  if (capture && ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"].includes(capture.status)) {
    return {
      status: "completed",
      capturedMinor: capture.amount ? toMinor(capture.amount.value, currency) : 0,
      chargeId: capture.id,
      refunds,
    };
  }
  if (capture && ["DECLINED", "FAILED"].includes(capture.status)) {
    return {
      status: "failed",
      capturedMinor: 0,
      chargeId: capture.id,
      failure: { code: "INSTRUMENT_DECLINED", message: "PayPal declined the payment" },
    };
  }
  return { status: order.status === "VOIDED" ? "cancelled" : "pending", capturedMinor: 0 };
}

/** PayPal's order for the given lines (or the order's own), checked against what is owed. */
export async function openPayPalOrder(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  input: z.infer<typeof PayPalOrderCreate>,
  options: { clientKey?: string; source: Source },
): Promise<z.infer<typeof PayPalOrder>> {
  const currency = input.currency;
  if (!PAYPAL_CURRENCIES.has(currency)) {
    throw invalid(
      "currency",
      `PayPal does not accept ${currency}: use card payments (Stripe) or a manual payment`,
      "CURRENCY_NOT_SUPPORTED",
    );
  }
  const paypal = await paypalFor(ctx, deps);
  const order = input.order_id ? await orderForCheckout(ctx.db, ctx, input.order_id) : undefined;
  let lines: Line[];
  if (input.items?.length) lines = input.items.map((item, i) => toLine(item, i, currency));
  else if (order) {
    lines = order.order.items.map((item) => ({
      name: (item.name.en || item.name.ar).slice(0, 127),
      quantity: item.quantity,
      unitMinor: toMinor(item.unit_price, order.row.currency),
      ...(item.sku && { sku: item.sku }),
    }));
  } else throw invalid("items", "Give the lines to pay for (items) or the order (order_id)");
  let itemTotal = lines.reduce((sum, l) => sum + l.unitMinor * l.quantity, 0);
  let amount = itemTotal;
  let taxTotal = 0;
  if (order) {
    const row = order.row;
    assertPayable({ ...row, status: row.status });
    if (row.currency !== currency)
      throw invalid("currency", `Order ${row.number} is in ${row.currency}`, "CURRENCY_MISMATCH");
    amount = row.totalMinor - row.paidMinor;
    // Prices without VAT: the lines add up to the subtotal and the VAT comes on top.
    if (itemTotal !== amount) {
      if (row.paidMinor === 0 && !row.pricesIncludeVat && itemTotal + row.taxMinor === amount)
        taxTotal = row.taxMinor;
      // The order's own lines after part of it was paid: one line for what is still owed.
      else if (!input.items?.length && amount > 0) {
        lines = [{ name: `Order ${row.number} (balance)`, quantity: 1, unitMinor: amount }];
        itemTotal = amount;
      } else
        throw invalid(
          "items",
          `The items add up to ${toMajor(itemTotal, currency)} ${currency} but order ${row.number} owes ${toMajor(amount, currency)} ${currency}`,
          "AMOUNT_MISMATCH",
        );
    }
  }
  if (amount <= 0) throw invalid("items", "The items add up to nothing");
  const paymentId = randomUUID();
  const money = (minor: number) => ({
    currency_code: currency,
    value: paypalValue(minor, currency),
  });
  const body = {
    intent: "CAPTURE",
    purchase_units: [
      {
        reference_id: order?.row.number ?? paymentId,
        custom_id: paymentId,
        amount: {
          ...money(amount),
          breakdown: {
            item_total: money(itemTotal),
            ...(taxTotal && { tax_total: money(taxTotal) }),
          },
        },
        items: lines.map((l) => ({
          name: l.name,
          quantity: String(l.quantity),
          unit_amount: money(l.unitMinor),
          ...(l.sku && { sku: l.sku }),
        })),
      },
    ],
    ...((input.return_url || input.cancel_url) && {
      payment_source: {
        paypal: {
          experience_context: {
            user_action: "PAY_NOW",
            ...(input.return_url && { return_url: input.return_url }),
            ...(input.cancel_url && { cancel_url: input.cancel_url }),
          },
        },
      },
    }),
  };
  const requestId = `bs-${ctx.tenant.id}-${options.clientKey ? sha256Hex(options.clientKey).slice(0, 32) : paymentId}`;
  const created = await paypal.call<PayPalOrderBody>("POST", "/v2/checkout/orders", {
    body,
    requestId,
  });
  if (typeof created.id !== "string" || !/^[A-Za-z0-9-]{1,64}$/.test(created.id))
    throw providerNonsense("PayPal");
  const row = await insertPayment(ctx, {
    id: paymentId,
    provider: "paypal",
    providerId: created.id,
    orderId: order?.row.id ?? null,
    amountMinor: amount,
    currency,
    livemode: null,
    source: options.source,
  });
  const approve = created.links?.find((l) => l.rel === "approve" || l.rel === "payer-action");
  return {
    id: created.id,
    status: created.status,
    approve_url: approve?.href ?? null,
    payment_id: row.id,
    order_id: row.orderId,
    amount: toMajor(amount, currency),
    currency,
  };
}

export async function createPayPalOrder(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  input: z.infer<typeof PayPalOrderCreate>,
  clientKey?: string,
) {
  authorize(ctx.actor, "payments:write");
  return openPayPalOrder(ctx, deps, input, {
    clientKey,
    source: ctx.actor.type === "user" ? "admin" : "api",
  });
}

export async function paymentByPayPalOrder(ctx: ServiceContext, paypalOrderId: string) {
  const [row] = await ctx.db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, ctx.tenant.id),
        eq(payments.provider, "paypal"),
        eq(payments.providerId, paypalOrderId.slice(0, 100)),
      ),
    );
  if (!row) throw paymentNotFound();
  return row;
}

/** Re-reads PayPal's order and applies it. */
export async function syncPayPalPayment(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  payment: PaymentRow,
  source: Source,
  event?: ProviderEventRef,
) {
  const paypal = await paypalFor(ctx, deps);
  const order = await paypal.call<PayPalOrderBody>(
    "GET",
    `/v2/checkout/orders/${encodeURIComponent(payment.providerId!)}`,
  );
  return applySnapshot(ctx, payment.id, paypalSnapshot(order, payment.currency), source, event);
}

/** Takes the money the buyer approved. Capturing twice is harmless: the second reads the first. */
export async function capturePayment(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  payment: PaymentRow,
  source: Source,
) {
  if (payment.capturedMinor > 0) return;
  const paypal = await paypalFor(ctx, deps);
  const path = `/v2/checkout/orders/${encodeURIComponent(payment.providerId!)}/capture`;
  try {
    const captured = await paypal.call<PayPalOrderBody>("POST", path, {
      requestId: `bs-capture-${payment.id}`,
    });
    await applySnapshot(ctx, payment.id, paypalSnapshot(captured, payment.currency), source);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "PAYPAL_ORDER_ALREADY_CAPTURED")
      return void (await syncPayPalPayment(ctx, deps, payment, source));
    if (err.status === 402) {
      await applySnapshot(
        ctx,
        payment.id,
        {
          status: "failed",
          capturedMinor: 0,
          failure: { code: "INSTRUMENT_DECLINED", message: err.detail },
        },
        source,
      );
    }
    throw err;
  }
}

export async function capturePayPalOrder(
  ctx: ServiceContext,
  deps: PaymentsDeps,
  paypalOrderId: string,
) {
  authorize(ctx.actor, "payments:write");
  const payment = await paymentByPayPalOrder(ctx, paypalOrderId);
  await capturePayment(ctx, deps, payment, ctx.actor.type === "user" ? "admin" : "api");
  return paymentDetail(ctx.db, ctx.tenant.id, payment.id);
}
