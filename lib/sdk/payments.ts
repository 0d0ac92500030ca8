import type { z } from "zod";
import type {
  CheckoutLinkSchema,
  CheckoutView,
  ConnectionTest,
  ManualPaymentCreate,
  ManualSettingsInput,
  PaymentDetail,
  PaymentList,
  PaymentListQuery,
  PaymentSchema,
  PaymentSettings,
  PayPalItemInput,
  PayPalOrder,
  PayPalSettingsInput,
  RefundResult,
  StripeIntent,
  StripeSettingsInput,
} from "@/lib/payments/contract";
import { toMinor } from "@/lib/money";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Payment = Camelize<z.infer<typeof PaymentSchema>>;
export type PaymentDetail = Camelize<z.infer<typeof PaymentDetail>>;
export type PaymentList = Camelize<z.infer<typeof PaymentList>>;
export type PaymentListParams = Partial<
  Omit<Camelize<z.infer<typeof PaymentListQuery>>, "page" | "limit">
> & { page?: number; limit?: number };
export type StripeIntent = Camelize<z.infer<typeof StripeIntent>>;
export type PayPalOrder = Camelize<z.infer<typeof PayPalOrder>>;
export type PayPalItem = Camelize<z.input<typeof PayPalItemInput>>;
export type RefundResult = Camelize<z.infer<typeof RefundResult>>;
export type PaymentSettings = Camelize<z.infer<typeof PaymentSettings>>;
export type ConnectionTest = Camelize<z.infer<typeof ConnectionTest>>;
export type CheckoutLink = Camelize<z.infer<typeof CheckoutLinkSchema>>;
export type CheckoutView = Camelize<z.infer<typeof CheckoutView>>;

const seg = (value: string) => encodeURIComponent(value);

export interface StripeIntentInput {
  /** Major units, as the integration guide passes it: 299.99 USD. */
  amount: number | string;
  currency: string;
  orderId?: string;
  paymentMethod?: string;
  description?: string;
}

export class PaymentsResource {
  constructor(private readonly http: HttpClient) {}

  /**
   * `store.payments.createStripeIntent({amount: 299.99, currency: 'USD', orderId})`: the amount in
   * major units, converted here to Stripe's minor units with decimal arithmetic (never `* 100`).
   */
  createStripeIntent(
    input: StripeIntentInput,
    options: { idempotencyKey?: string } = {},
  ): Promise<StripeIntent> {
    const currency = input.currency.trim().toUpperCase();
    return this.http.request("POST", "/api/v1/payments/stripe/create-payment-intent", {
      body: {
        amount: toMinor(input.amount, currency),
        currency: currency.toLowerCase(),
        orderId: input.orderId,
        paymentMethod: input.paymentMethod,
        description: input.description,
      },
      ...options,
    });
  }

  createPayPalOrder(
    input: {
      items?: PayPalItem[];
      currency: string;
      orderId?: string;
      returnUrl?: string;
      cancelUrl?: string;
    },
    options: { idempotencyKey?: string } = {},
  ): Promise<PayPalOrder> {
    return this.http.request("POST", "/api/v1/payments/paypal/create-order", {
      body: input,
      ...options,
    });
  }

  /** After the buyer approved: takes the money. `paypalOrderId` is createPayPalOrder's `id`. */
  capturePayPalOrder(paypalOrderId: string): Promise<PaymentDetail> {
    return this.http.request("POST", `/api/v1/payments/paypal/capture/${seg(paypalOrderId)}`);
  }

  /** Full refund without an amount; `amount` in major units. Owners and admins only. */
  refund(
    paymentId: string,
    input: { amount?: number | string; reason?: string } = {},
    options: { idempotencyKey?: string } = {},
  ): Promise<RefundResult> {
    return this.http.request("POST", `/api/v1/payments/${seg(paymentId)}/refund`, {
      body: input,
      ...options,
    });
  }

  /** A bank transfer or cash payment staff received; the order moves to paid. */
  recordManual(input: Camelize<z.input<typeof ManualPaymentCreate>>): Promise<PaymentDetail> {
    return this.http.request("POST", "/api/v1/payments/manual", { body: input });
  }

  list(params: PaymentListParams = {}): Promise<PaymentList> {
    return this.http.request("GET", "/api/v1/payments", { query: params });
  }

  get(paymentId: string): Promise<PaymentDetail> {
    return this.http.request("GET", `/api/v1/payments/${seg(paymentId)}`);
  }

  exportCsv(params: Omit<PaymentListParams, "page" | "limit"> = {}): Promise<Response> {
    return this.http.send("GET", "/api/v1/payments/export", { query: params, accept: "text/csv" });
  }

  settings(): Promise<PaymentSettings> {
    return this.http.request("GET", "/api/v1/payments/settings");
  }

  /** Omitted fields keep their current value. */
  updateStripe(input: Camelize<z.input<typeof StripeSettingsInput>>): Promise<PaymentSettings> {
    return this.http.request("PUT", "/api/v1/payments/settings/stripe", { body: input });
  }

  updatePayPal(input: Camelize<z.input<typeof PayPalSettingsInput>>): Promise<PaymentSettings> {
    return this.http.request("PUT", "/api/v1/payments/settings/paypal", { body: input });
  }

  updateManual(input: Camelize<z.input<typeof ManualSettingsInput>>): Promise<PaymentSettings> {
    return this.http.request("PUT", "/api/v1/payments/settings/manual", { body: input });
  }

  disconnect(provider: "stripe" | "paypal"): Promise<PaymentSettings> {
    return this.http.request("DELETE", `/api/v1/payments/settings/${provider}`);
  }

  /** Calls the provider with the saved credentials; `ok: false` says what is wrong. */
  testConnection(provider: "stripe" | "paypal"): Promise<ConnectionTest> {
    return this.http.request("POST", `/api/v1/payments/settings/${provider}/test`);
  }

  /** The order's hosted checkout link, or a 404 StoreApiError when it has none. */
  checkoutLink(orderId: string): Promise<CheckoutLink> {
    return this.http.request("GET", `/api/v1/payments/checkout-links/${seg(orderId)}`);
  }

  /** A new link for the order; an earlier one stops working. */
  createCheckoutLink(orderId: string): Promise<CheckoutLink> {
    return this.http.request("POST", `/api/v1/payments/checkout-links/${seg(orderId)}`);
  }

  /**
   * Hands a provider's webhook, byte for byte with its signature headers, to the Store API, which
   * verifies it (the bundled receivers in app/api/webhooks/{stripe,paypal}/[store] call this).
   */
  forwardWebhook(
    provider: "stripe" | "paypal",
    body: string,
    headers: Record<string, string>,
  ): Promise<Response> {
    return this.http.send("POST", `/api/v1/payments/webhooks/${provider}`, {
      body,
      contentType: "application/json",
      headers,
    });
  }

  revokeCheckoutLink(orderId: string): Promise<void> {
    return this.http.request("DELETE", `/api/v1/payments/checkout-links/${seg(orderId)}`);
  }
}

/** The customer's side of a hosted checkout link: no sign-in, the token is the credential. */
export class CheckoutResource {
  constructor(private readonly http: HttpClient) {}

  get(token: string): Promise<CheckoutView> {
    return this.http.request("GET", `/api/v1/checkout/${seg(token)}`);
  }

  /** A PaymentIntent for what the order owes, for Stripe's Payment Element. */
  stripe(token: string): Promise<{ clientSecret: string; paymentId: string }> {
    return this.http.request("POST", `/api/v1/checkout/${seg(token)}/stripe`);
  }

  paypal(token: string): Promise<{ id: string; paymentId: string }> {
    return this.http.request("POST", `/api/v1/checkout/${seg(token)}/paypal`);
  }

  capturePayPal(token: string, paypalOrderId: string): Promise<CheckoutView> {
    return this.http.request(
      "POST",
      `/api/v1/checkout/${seg(token)}/paypal/${seg(paypalOrderId)}/capture`,
    );
  }

  /** After Stripe's redirect (3-D Secure): re-reads the payment from Stripe. */
  refresh(token: string): Promise<CheckoutView> {
    return this.http.request("POST", `/api/v1/checkout/${seg(token)}/refresh`);
  }
}
