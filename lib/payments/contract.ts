import { z } from "@hono/zod-openapi";
import { IsoDate } from "@/lib/input";
import {
  MANUAL_METHODS,
  PAYMENT_STATUSES,
  PROVIDER_NAMES,
  REFUND_STATUSES,
  type ManualMethod,
  type PaymentStatus,
  type ProviderName,
} from "./constants";

export { MANUAL_METHODS, PAYMENT_STATUSES, PROVIDER_NAMES, REFUND_STATUSES };
export type { ManualMethod, PaymentStatus, ProviderName };

const Money = z
  .number()
  .openapi({ description: "Decimal, in major units of the payment's currency" });

/** A decimal amount in major units, as a number or a string ("12.50"). */
const Decimal = z.union([
  z.number().positive(),
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, "must be a decimal number"),
]);

export const RefundSchema = z
  .object({
    id: z.uuid(),
    payment_id: z.uuid(),
    amount: Money,
    currency: z.string(),
    status: z.enum(REFUND_STATUSES),
    reason: z.string(),
    provider_refund_id: z.string().nullable(),
    failure_message: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("Refund");

export const PaymentSchema = z
  .object({
    id: z.uuid(),
    order_id: z.uuid().nullable(),
    order_number: z.string().nullable(),
    provider: z.enum(PROVIDER_NAMES),
    status: z.enum(PAYMENT_STATUSES),
    currency: z.string().openapi({ example: "SAR" }),
    amount: Money,
    amount_captured: Money,
    amount_refunded: Money,
    provider_id: z
      .string()
      .nullable()
      .openapi({ description: "Stripe's PaymentIntent id or PayPal's order id" }),
    provider_charge_id: z
      .string()
      .nullable()
      .openapi({ description: "Stripe's charge id or PayPal's capture id" }),
    method: z.enum(MANUAL_METHODS).nullable(),
    reference: z.string().nullable(),
    failure: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable(),
    livemode: z.boolean().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    completed_at: z.string().nullable(),
  })
  .openapi("Payment");

export const PaymentEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string().openapi({ example: "completed" }),
    source: z.string().openapi({ example: "webhook" }),
    provider_event_id: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    created_at: z.string(),
  })
  .openapi("PaymentEvent");

export const PaymentDetail = PaymentSchema.extend({
  refunds: z.array(RefundSchema),
  events: z.array(PaymentEventSchema),
}).openapi("PaymentDetail");

export const PAYMENT_SORTS = ["created_at", "-created_at", "amount", "-amount"] as const;

export const PaymentListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(PAYMENT_STATUSES).optional(),
  provider: z.enum(PROVIDER_NAMES).optional(),
  order_id: z.uuid().optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: "Provider id (pi_..., PayPal order or capture id) or reference" }),
  start_date: IsoDate.optional().meta({ description: "YYYY-MM-DD in the store's time zone" }),
  end_date: IsoDate.optional(),
  sort: z.enum(PAYMENT_SORTS).default("-created_at"),
});

export const PaymentList = z
  .object({
    data: z.array(PaymentSchema),
    pagination: z.object({
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .openapi("PaymentList");

/**
 * Minor units, as the integration guide sends them (`amount * 100`): 299.99 * 100 is
 * 29998.999999999996 in binary floating point, so a number within a millionth of a whole number
 * is taken as that whole number; anything else is refused rather than guessed.
 */
export const MinorAmount = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, "must be a whole number")])
  .transform((value, ctx) => {
    const n = typeof value === "string" ? Number(value) : value;
    const whole = Math.round(n);
    if (!Number.isFinite(n) || Math.abs(n - whole) > 1e-6 * Math.max(1, Math.abs(n))) {
      ctx.addIssue({
        code: "custom",
        message: "amount is in minor units (cents, halalas): a whole number",
      });
      return z.NEVER;
    }
    if (whole < 1) {
      ctx.addIssue({ code: "custom", message: "amount must be at least 1" });
      return z.NEVER;
    }
    return whole;
  })
  .openapi({ type: "integer", example: 29999, description: "Minor units (cents, halalas)" });

/** Any case in, upper case inside; Stripe's replies say it in lower case. */
const CurrencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "a three-letter ISO 4217 code")
  .transform((c) => c.toUpperCase());

export const StripeIntentCreate = z
  .object({
    amount: MinorAmount,
    currency: CurrencyCode.openapi({ example: "usd" }),
    order_id: z.uuid().optional(),
    payment_method: z
      .string()
      .trim()
      .regex(/^pm_[A-Za-z0-9_]{1,200}$/, "a Stripe PaymentMethod id (pm_...)")
      .optional()
      .openapi({ description: "Confirm at once with this saved PaymentMethod (server-side)" }),
    description: z.string().trim().max(500).optional(),
  })
  .openapi("StripeIntentCreate", {
    example: { amount: 29999, currency: "usd" },
  });

export const StripeIntent = z
  .object({
    id: z.string().openapi({ example: "pi_3Q..." }),
    client_secret: z.string(),
    amount: z.number().int(),
    currency: z.string().openapi({ example: "usd" }),
    status: z.string().openapi({ example: "requires_payment_method" }),
    payment_id: z.uuid(),
    order_id: z.uuid().nullable(),
  })
  .openapi("StripeIntent");

const PayPalMoney = z.object({
  currency_code: CurrencyCode.optional(),
  value: z.union([z.string(), z.number()]),
});

/**
 * A line as PayPal names it ({name, quantity, unit_amount: {value}}), or as our orders do
 * ({name: {en, ar} | "…", unit_price | price, quantity}).
 */
export const PayPalItemInput = z.object({
  name: z.union([
    z.string().trim().min(1).max(127),
    z.object({
      en: z.string().trim().max(127).optional(),
      ar: z.string().trim().max(127).optional(),
    }),
  ]),
  quantity: z.union([z.number().int().min(1).max(100_000), z.string().regex(/^\d{1,6}$/)]),
  unit_amount: PayPalMoney.optional(),
  unit_price: Decimal.optional(),
  price: Decimal.optional(),
  sku: z.string().trim().max(127).optional(),
});

export const PayPalOrderCreate = z
  .object({
    items: z.array(PayPalItemInput).max(100).optional(),
    currency: CurrencyCode.openapi({ example: "USD" }),
    order_id: z.uuid().optional(),
    return_url: z.url().optional(),
    cancel_url: z.url().optional(),
  })
  .openapi("PayPalOrderCreate", {
    example: {
      items: [
        { name: "AI Tool", quantity: 1, unit_amount: { currency_code: "USD", value: "199.99" } },
      ],
      currency: "USD",
    },
  });

export const PayPalOrder = z
  .object({
    id: z.string().openapi({ description: "PayPal's order id", example: "5O190127TN364715T" }),
    status: z.string().openapi({ example: "CREATED" }),
    approve_url: z.string().nullable(),
    payment_id: z.uuid(),
    order_id: z.uuid().nullable(),
    amount: Money,
    currency: z.string(),
  })
  .openapi("PayPalOrder");

export const RefundCreate = z
  .object({
    amount: Decimal.optional().openapi({ description: "Major units; default: all that is left" }),
    reason: z.string().trim().max(500).default(""),
  })
  .openapi("RefundCreate");

export const RefundResult = z
  .object({ refund: RefundSchema, payment: PaymentDetail })
  .openapi("RefundResult");

export const ManualPaymentCreate = z
  .object({
    order_id: z.uuid(),
    method: z.enum(MANUAL_METHODS),
    reference: z.string().trim().max(200).optional(),
    amount: Decimal.optional().openapi({
      description: "Major units; default: what the order owes",
    }),
  })
  .openapi("ManualPaymentCreate");

/* ---- Provider settings ---- */

const secretField = (pattern: RegExp, hint: string) =>
  z.string().trim().max(500).regex(pattern, hint);

export const StripeSettingsInput = z
  .object({
    secret_key: secretField(
      /^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/,
      "starts with sk_test_, sk_live_ or rk_",
    ).optional(),
    publishable_key: secretField(
      /^pk_(test|live)_[A-Za-z0-9_]{8,}$/,
      "starts with pk_test_ or pk_live_",
    ).optional(),
    webhook_secret: secretField(/^whsec_[A-Za-z0-9+/=_]{8,}$/, "starts with whsec_").optional(),
  })
  .openapi("StripeSettingsInput");

export const PayPalSettingsInput = z
  .object({
    client_id: secretField(/^[A-Za-z0-9_-]{8,}$/, "letters, digits, - and _").optional(),
    client_secret: secretField(/^[A-Za-z0-9_-]{8,}$/, "letters, digits, - and _").optional(),
    webhook_id: secretField(/^[A-Za-z0-9_-]{4,}$/, "letters, digits, - and _").optional(),
    mode: z.enum(["sandbox", "live"]).optional(),
  })
  .openapi("PayPalSettingsInput");

export const ManualSettingsInput = z
  .object({
    instructions: z.object({
      en: z.string().trim().max(2000).default(""),
      ar: z.string().trim().max(2000).default(""),
    }),
    cash_on_delivery: z.boolean().default(true),
  })
  .openapi("ManualSettingsInput");

const Masked = z.string().nullable().openapi({ example: "sk_test_…4242" });

export const PaymentSettings = z
  .object({
    stripe: z.object({
      configured: z.boolean(),
      secret_key: Masked,
      publishable_key: Masked,
      webhook_secret: Masked,
      livemode: z.boolean().nullable(),
      webhook_url: z.string(),
      updated_at: z.string().nullable(),
    }),
    paypal: z.object({
      configured: z.boolean(),
      client_id: Masked,
      client_secret: Masked,
      webhook_id: Masked,
      mode: z.enum(["sandbox", "live"]),
      webhook_url: z.string(),
      updated_at: z.string().nullable(),
    }),
    manual: z.object({
      instructions: z.object({ en: z.string(), ar: z.string() }),
      cash_on_delivery: z.boolean(),
    }),
  })
  .openapi("PaymentSettings");

export const ConnectionTest = z
  .object({
    ok: z.boolean(),
    code: z.string().openapi({ example: "PROVIDER_AUTHENTICATION_FAILED" }),
    detail: z.string(),
    livemode: z.boolean().nullable(),
  })
  .openapi("ConnectionTest");

export const ProviderParam = z.object({
  provider: z
    .enum(["stripe", "paypal", "manual"])
    .openapi({ param: { name: "provider", in: "path" } }),
});

/* ---- Hosted checkout ---- */

export const CheckoutLinkSchema = z
  .object({
    order_id: z.uuid(),
    url: z.string(),
    token: z.string(),
    expires_at: z.string(),
    created_at: z.string(),
  })
  .openapi("CheckoutLink");

export const CHECKOUT_STATES = ["open", "paid", "cancelled", "expired", "revoked"] as const;

export const CheckoutView = z
  .object({
    state: z.enum(CHECKOUT_STATES),
    store: z.object({ name: z.object({ en: z.string(), ar: z.string() }), slug: z.string() }),
    order: z.object({
      number: z.string(),
      status: z.string(),
      currency: z.string(),
      items: z.array(
        z.object({
          name: z.object({ en: z.string(), ar: z.string() }),
          quantity: z.number().int(),
          unit_price: Money,
          total: Money,
        }),
      ),
      subtotal: Money,
      tax: Money,
      total: Money,
      vat_rate: z.number(),
      prices_include_vat: z.boolean(),
      amount_due: Money,
    }),
    providers: z.object({
      stripe: z.object({ publishable_key: z.string() }).nullable(),
      paypal: z.object({ client_id: z.string(), mode: z.enum(["sandbox", "live"]) }).nullable(),
      manual: z.object({
        instructions: z.object({ en: z.string(), ar: z.string() }),
        cash_on_delivery: z.boolean(),
      }),
    }),
    last_failure: z.string().nullable(),
    expires_at: z.string(),
  })
  .openapi("CheckoutView");

export const CheckoutTokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: "token", in: "path" } }),
});
