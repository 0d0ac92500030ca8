import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "./harness";
import {
  paymentsShop,
  paymentsWorld,
  postStripeWebhook,
  stripeWebhook,
  type PaymentsWorld,
} from "./payments-helpers";

let w: PaymentsWorld;
beforeAll(async () => {
  w = await paymentsWorld();
});
afterAll(() => w.close());

/** A store with an order of `price` and an open Stripe intent for it. */
async function intentFor(price = "120.00", options: Parameters<typeof paymentsShop>[1] = {}) {
  const s = await paymentsShop(w, options);
  const order = await s.order(price);
  const res = await s.asOwner("POST", "/api/v1/payments/stripe/create-payment-intent", {
    amount: Math.round(Number(price) * 100),
    currency: "usd",
    order_id: order.id,
  });
  const intent = (await res.json()) as { id: string; payment_id: string };
  return { s, order, intent };
}

async function paid(price = "120.00", options: Parameters<typeof paymentsShop>[1] = {}) {
  const x = await intentFor(price, options);
  await w.stripe.succeed(x.intent.id);
  const hook = stripeWebhook(w, "payment_intent.succeeded", w.stripe.intents.get(x.intent.id));
  expect((await postStripeWebhook(w, x.s.tenant.slug, hook.body, hook.signature)).status).toBe(200);
  return { ...x, hook };
}

describe("Stripe webhooks", () => {
  it("a valid one moves the payment and the order together, with payment.completed and order.updated", async () => {
    const { s, order, intent } = await paid();
    const payment = await (await s.call("GET", `/api/v1/payments/${intent.payment_id}`)).json();
    expect(payment).toMatchObject({
      status: "completed",
      amount: 120,
      amount_captured: 120,
      provider: "stripe",
    });
    expect(payment.events.map((e: { type: string }) => e.type)).toEqual(["created", "completed"]);
    expect(payment.events[1].source).toBe("webhook");
    const o = await s.getOrder(order.id);
    expect(o).toMatchObject({ status: "paid", amount_paid: 120 });
    expect(o.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(["payment_received", "status_changed"]),
    );
    expect(await s.events("payment.completed")).toHaveLength(1);
    expect((await s.events("order.updated")).length).toBeGreaterThanOrEqual(1);
  });

  it("a bad or missing signature is 400 and changes nothing", async () => {
    const { s, order, intent } = await intentFor();
    await w.stripe.succeed(intent.id);
    const hook = stripeWebhook(w, "payment_intent.succeeded", w.stripe.intents.get(intent.id));
    const tampered = hook.body.replace('"succeeded"', '"succeeded" ');
    await expectError(
      await postStripeWebhook(w, s.tenant.slug, tampered, hook.signature),
      400,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    await expectError(
      await postStripeWebhook(w, s.tenant.slug, hook.body, "t=1,v1=00"),
      400,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    const other = w.stripe.sign(hook.body, "whsec_someoneElsesSecret000");
    await expectError(
      await postStripeWebhook(w, s.tenant.slug, hook.body, other),
      400,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect((await s.getOrder(order.id)).status).toBe("pending");
  });

  it("an expired timestamp is refused (a replay of an old capture)", async () => {
    const { s, order, intent } = await intentFor();
    await w.stripe.succeed(intent.id);
    const old = Math.floor(Date.now() / 1000) - 600;
    const hook = stripeWebhook(w, "payment_intent.succeeded", w.stripe.intents.get(intent.id), old);
    await expectError(
      await postStripeWebhook(w, s.tenant.slug, hook.body, hook.signature),
      400,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect((await s.getOrder(order.id)).status).toBe("pending");
  });

  it("a replayed event and a late failure change nothing", async () => {
    const { s, order, intent, hook } = await paid();
    const again = await postStripeWebhook(
      w,
      s.tenant.slug,
      hook.body,
      w.stripe.sign(hook.body, "whsec_testSecretForTheFakeStripe1234"),
    );
    expect(await again.json()).toMatchObject({ received: true, duplicate: true });
    // Out of order: a failure event for an attempt before the one that succeeded.
    const late = stripeWebhook(w, "payment_intent.payment_failed", {
      ...w.stripe.intents.get(intent.id),
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined", message: "Your card was declined." },
    });
    expect((await postStripeWebhook(w, s.tenant.slug, late.body, late.signature)).status).toBe(200);
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 120 });
    expect(await s.events("payment.completed")).toHaveLength(1);
    expect(await s.events("payment.failed")).toHaveLength(0);
  });

  it("an event that says 'succeeded' for an intent Stripe has not captured moves nothing (re-read)", async () => {
    const { s, order, intent } = await intentFor();
    const forged = stripeWebhook(w, "payment_intent.succeeded", {
      ...w.stripe.intents.get(intent.id),
      status: "succeeded",
    });
    expect((await postStripeWebhook(w, s.tenant.slug, forged.body, forged.signature)).status).toBe(
      200,
    );
    expect((await s.getOrder(order.id)).status).toBe("pending");
  });

  it("a failed attempt is recorded with payment.failed; the customer can still pay", async () => {
    const { s, order, intent } = await intentFor();
    await w.stripe.fail(intent.id);
    const hook = stripeWebhook(w, "payment_intent.payment_failed", w.stripe.intents.get(intent.id));
    await postStripeWebhook(w, s.tenant.slug, hook.body, hook.signature);
    const failed = await (await s.call("GET", `/api/v1/payments/${intent.payment_id}`)).json();
    expect(failed.status).toBe("failed");
    expect(await s.events("payment.failed")).toHaveLength(1);
    await w.stripe.succeed(intent.id);
    const ok = stripeWebhook(w, "payment_intent.succeeded", w.stripe.intents.get(intent.id));
    await postStripeWebhook(w, s.tenant.slug, ok.body, ok.signature);
    expect((await s.getOrder(order.id)).status).toBe("paid");
  });

  it("events for intents we did not make are acknowledged and ignored", async () => {
    const s = await paymentsShop(w);
    const hook = stripeWebhook(w, "payment_intent.succeeded", {
      id: "pi_notours",
      object: "payment_intent",
    });
    const res = await postStripeWebhook(w, s.tenant.slug, hook.body, hook.signature);
    expect(await res.json()).toEqual({ received: true, handled: false });
  });
});

describe("refunds", () => {
  it("partial then the rest: the order shows the refunded amount and ends refunded", async () => {
    const { s, order, intent } = await paid("100.00");
    const part = await s.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, {
      amount: "30.00",
      reason: "damaged box",
    });
    expect(part.status).toBe(201);
    const body = await part.json();
    expect(body.refund).toMatchObject({ amount: 30, status: "succeeded", reason: "damaged box" });
    expect(body.payment).toMatchObject({ status: "partially_refunded", amount_refunded: 30 });
    expect(await s.getOrder(order.id)).toMatchObject({
      status: "partially_refunded",
      amount_refunded: 30,
    });
    // Stripe's charge.refunded for the same refund counts it once.
    const hook = stripeWebhook(w, "charge.refunded", {
      id: "ch_x",
      object: "charge",
      payment_intent: intent.id,
    });
    await postStripeWebhook(w, s.tenant.slug, hook.body, hook.signature);
    expect((await s.getOrder(order.id)).amount_refunded).toBe(30);
    const rest = await (
      await s.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, {})
    ).json();
    expect(rest.refund.amount).toBe(70);
    expect(await s.getOrder(order.id)).toMatchObject({ status: "refunded", amount_refunded: 100 });
    expect(await s.events("payment.refunded")).toHaveLength(2);
    await expectError(
      await s.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, {}),
      409,
      "PAYMENT_NOT_REFUNDABLE",
    );
  });

  it("never more than captured, also when two refunds race", async () => {
    const { s, intent } = await paid("50.00");
    const over = await expectError(
      await s.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, { amount: 50.01 }),
      422,
      "REFUND_EXCEEDS_CAPTURED",
    );
    expect(over.detail).toContain("50 USD");
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        s.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, { amount: 20 }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 422]);
    const payment = await (await s.call("GET", `/api/v1/payments/${intent.payment_id}`)).json();
    expect(payment.amount_refunded).toBe(40);
  });

  it("a refund made in Stripe's dashboard arrives by webhook and is recorded", async () => {
    const { s, order, intent } = await paid("80.00");
    // Straight at the provider, with no refund_id of ours.
    const res = await fetch(`${w.stripe.url}/v1/refunds`, {
      method: "POST",
      headers: {
        authorization: "Bearer sk_test_51AbCdEfGhIjKlMnOpQr",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: `payment_intent=${intent.id}&amount=1000`,
    });
    expect(res.status).toBe(200);
    const hook = stripeWebhook(w, "charge.refunded", {
      id: "ch_y",
      object: "charge",
      payment_intent: intent.id,
    });
    await postStripeWebhook(w, s.tenant.slug, hook.body, hook.signature);
    expect(await s.getOrder(order.id)).toMatchObject({
      status: "partially_refunded",
      amount_refunded: 10,
    });
  });

  it("staff and API keys cannot refund; owners and admins can", async () => {
    const { s, intent } = await paid("10.00", { role: "staff" });
    await expectError(
      await s.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, {}),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    const key = await (
      await s.asOwner("POST", "/api/v1/api-keys", { name: "k", scopes: ["payments:write"] })
    ).json();
    const byKey = await w.t.request(`/api/v1/payments/${intent.payment_id}/refund`, {
      method: "POST",
      headers: { "x-tenant-id": s.tenant.slug, authorization: `Bearer ${key.key}` },
      json: {},
    });
    await expectError(byKey, 403, "INSUFFICIENT_SCOPE");
    expect(
      (await s.asOwner("POST", `/api/v1/payments/${intent.payment_id}/refund`, { amount: 1 }))
        .status,
    ).toBe(201);
  });
});

describe("stores are isolated", () => {
  it("another store cannot read, refund, pay for or link to this store's payments and orders", async () => {
    const { order, intent } = await paid("15.00");
    const other = await paymentsShop(w);
    await expectError(
      await other.call("GET", `/api/v1/payments/${intent.payment_id}`),
      404,
      "PAYMENT_NOT_FOUND",
    );
    await expectError(
      await other.call("POST", `/api/v1/payments/${intent.payment_id}/refund`, {}),
      404,
      "PAYMENT_NOT_FOUND",
    );
    await expectError(
      await other.call("POST", "/api/v1/payments/stripe/create-payment-intent", {
        amount: 1500,
        currency: "usd",
        order_id: order.id,
      }),
      404,
      "ORDER_NOT_FOUND",
    );
    await expectError(
      await other.call("POST", `/api/v1/payments/checkout-links/${order.id}`),
      404,
      "ORDER_NOT_FOUND",
    );
    expect((await (await other.call("GET", "/api/v1/payments")).json()).data).toEqual([]);
    // Its webhook endpoint does not move this store's payment either.
    const hook = stripeWebhook(w, "payment_intent.succeeded", w.stripe.intents.get(intent.id));
    expect(
      await (await postStripeWebhook(w, other.tenant.slug, hook.body, hook.signature)).json(),
    ).toMatchObject({ handled: false });
  });
});
