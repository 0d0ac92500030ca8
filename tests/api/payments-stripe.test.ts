import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrainSAITStore } from "@/lib/sdk";
import { expectError } from "./harness";
import {
  paymentsShop,
  paymentsWorld,
  postStripeWebhook,
  stripeWebhook,
  STRIPE_KEYS,
  type PaymentsWorld,
} from "./payments-helpers";

let w: PaymentsWorld;
beforeAll(async () => {
  w = await paymentsWorld({ providerTimeoutMs: 400 });
});
afterAll(() => w.close());

const intentsCreated = () =>
  w.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents");

describe("create-payment-intent, as the integration guide calls it", () => {
  it("takes the guide's `amount * 100` float and lower-case currency, and sends an idempotency key", async () => {
    const s = await paymentsShop(w);
    const before = intentsCreated().length;
    // The guide: amount: amount * 100 with amount = 299.99 is 29998.999999999996.
    const res = await s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
      amount: 299.99 * 100,
      currency: "USD".toLowerCase(),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      amount: 29999,
      currency: "usd",
      status: "requires_payment_method",
      order_id: null,
    });
    expect(body.id).toMatch(/^pi_/);
    expect(body.client_secret).toMatch(new RegExp(`^${body.id}_secret_`));
    const sent = intentsCreated().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      amount: "29999",
      currency: "usd",
      automatic_payment_methods: { enabled: "true" },
    });
    expect(sent[0]!.headers["idempotency-key"]).toMatch(/^bs-/);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${STRIPE_KEYS.secret_key}`);
  });

  it("a retried request with the same Idempotency-Key creates one intent", async () => {
    const s = await paymentsShop(w);
    const before = intentsCreated().length;
    const send = () =>
      s.call(
        "POST",
        "/api/v1/payments/stripe/create-payment-intent",
        { amount: 5000, currency: "usd" },
        { "idempotency-key": "retry-me-1" },
      );
    const [a, b] = [await (await send()).json(), await (await send()).json()];
    expect(a.id).toBe(b.id);
    expect(w.stripe.intents.size).toBeGreaterThan(0);
    expect(
      new Set(
        intentsCreated()
          .slice(before)
          .map((r) => r.headers["idempotency-key"]),
      ).size,
    ).toBeLessThanOrEqual(1);
  });

  it("refuses amounts that are not whole minor units, and bad currencies, with 422", async () => {
    const s = await paymentsShop(w);
    for (const json of [
      { amount: 10.5, currency: "usd" },
      { amount: 0, currency: "usd" },
      { amount: 100, currency: "dollars" },
    ]) {
      await expectError(
        await s.call("POST", "/api/v1/payments/stripe/create-payment-intent", json),
        422,
        "VALIDATION_ERROR",
      );
    }
  });

  it("store.payments.createStripeIntent({amount: 299.99, currency: 'USD', orderId}) pays for an order", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("299.99");
    const store = new BrainSAITStore({
      tenantId: s.tenant.slug,
      accessToken: s.token,
      fetch: (request) => w.t.api.request(request) as Promise<Response>,
    });
    const payment = await store.payments.createStripeIntent({
      amount: 299.99,
      currency: "USD",
      orderId: order.id,
    });
    expect(payment).toMatchObject({ amount: 29999, currency: "usd", orderId: order.id });
    // The customer pays; Stripe tells us; the order is paid.
    await w.stripe.succeed(payment.id);
    const { body, signature } = stripeWebhook(
      w,
      "payment_intent.succeeded",
      w.stripe.intents.get(payment.id),
    );
    expect((await postStripeWebhook(w, s.tenant.slug, body, signature)).status).toBe(200);
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 299.99 });
    const detail = await store.payments.get(payment.paymentId);
    expect(detail).toMatchObject({
      status: "completed",
      amountCaptured: 299.99,
      orderNumber: order.number,
    });
    expect((await s.events("payment.completed")).length).toBe(1);
  });

  it("with order_id the amount must be what the order owes, in its currency", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("100.00");
    const send = (json: object) =>
      s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
        order_id: order.id,
        ...json,
      });
    const wrong = await expectError(
      await send({ amount: 9999, currency: "usd" }),
      422,
      "AMOUNT_MISMATCH",
    );
    expect(wrong.detail).toContain("100 USD");
    await expectError(await send({ amount: 10000, currency: "eur" }), 422, "CURRENCY_MISMATCH");
    const first = await (await send({ amount: 10000, currency: "usd" })).json();
    // Asking again (no Idempotency-Key) gives the same open intent, not a second charge.
    const again = await (await send({ amount: 10000, currency: "usd" })).json();
    expect(again.id).toBe(first.id);
    await expectError(
      await s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
        amount: 100,
        currency: "usd",
        order_id: "00000000-0000-4000-8000-000000000000",
      }),
      404,
      "ORDER_NOT_FOUND",
    );
  });
});

describe("provider failures come back as {detail, type, code}", () => {
  it("a declined card is 402 PAYMENT_DECLINED and the payment is recorded as failed", async () => {
    const s = await paymentsShop(w);
    const res = await s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_chargeDeclined",
    });
    const err = await expectError(res, 402, "PAYMENT_DECLINED");
    expect(err.type).toBe("payment_error");
    expect(err.detail).toContain("declined");
    const list = await (await s.call("GET", "/api/v1/payments?status=failed")).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0].failure.code).toBe("generic_decline");
    expect((await s.events("payment.failed")).length).toBe(1);
  });

  it("a saved card that works pays at once", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("20.00");
    const res = await s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
      amount: 2000,
      currency: "usd",
      order_id: order.id,
      payment_method: "pm_card_visa",
    });
    expect((await res.json()).status).toBe("succeeded");
    expect((await s.getOrder(order.id)).status).toBe("paid");
  });

  it("a key Stripe rejects is 502 PROVIDER_AUTHENTICATION_FAILED, and no provider set up is 409", async () => {
    const s = await paymentsShop(w, { stripe: false });
    const send = () =>
      s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
        amount: 100,
        currency: "usd",
      });
    await expectError(await send(), 409, "PAYMENT_PROVIDER_NOT_CONFIGURED");
    await s.call("PUT", "/api/v1/payments/settings/stripe", {
      ...STRIPE_KEYS,
      secret_key: "sk_test_bad_key_0000000",
    });
    const err = await expectError(await send(), 502, "PROVIDER_AUTHENTICATION_FAILED");
    expect(err.type).toBe("provider_error");
    expect(JSON.stringify(err)).not.toContain("sk_test_bad");
  });

  it("a Stripe that does not answer in time is 504 PROVIDER_TIMEOUT", async () => {
    const s = await paymentsShop(w, { stripe: false });
    await s.call("PUT", "/api/v1/payments/settings/stripe", {
      ...STRIPE_KEYS,
      secret_key: "sk_test_slow_key_000000",
    });
    const res = await s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
      amount: 100,
      currency: "usd",
    });
    await expectError(res, 504, "PROVIDER_TIMEOUT");
  }, 20_000);
});

describe("what a provider sends back", () => {
  it("odd 2xx replies and 5xx from Stripe are 502s, never 500s, and record nothing", async () => {
    const s = await paymentsShop(w);
    const send = () =>
      s.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
        amount: 100,
        currency: "usd",
      });
    w.stripe.failNext("/v1/payment_intents", 200, { object: "payment_intent", amount: "lots" });
    await expectError(await send(), 502, "PROVIDER_BAD_RESPONSE");
    w.stripe.failNext("/v1/payment_intents", 500, undefined, 3);
    await expectError(await send(), 502, "PROVIDER_UNAVAILABLE");
    w.stripe.failNext("/v1/payment_intents", 429, undefined, 3);
    const limited = await send();
    await expectError(limited, 503, "PROVIDER_RATE_LIMITED");
    expect(limited.headers.get("retry-after")).toBe("2");
    expect((await (await s.call("GET", "/api/v1/payments")).json()).data).toEqual([]);
  });
});
