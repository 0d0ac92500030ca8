import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { startReceiver } from "../api/webhook-receiver";
import { crc32, crc32Table, startFakePaypal, type FakePaypal } from "../support/fake-paypal";
import { startFakeStripe, type FakeStripe } from "../support/fake-stripe";

// The fakes must speak what the real clients expect: the stripe SDK and a plain fetch client.

describe("fake Stripe", () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  beforeAll(async () => {
    fake = await startFakeStripe();
    stripe = new Stripe("sk_test_smoke", {
      host: "127.0.0.1",
      port: fake.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => fake.close());

  it("creates a payment intent and replays it for the same Idempotency-Key", async () => {
    const params = { amount: 1999, currency: "usd", metadata: { order_id: "o_1" } };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "order-o_1" });
    expect(first).toMatchObject({
      amount: 1999,
      currency: "usd",
      status: "requires_payment_method",
      metadata: { order_id: "o_1" },
      automatic_payment_methods: { enabled: true },
    });
    expect(first.client_secret).toMatch(new RegExp(`^${first.id}_secret_`));

    const again = await stripe.paymentIntents.create(params, { idempotencyKey: "order-o_1" });
    expect(again.id).toBe(first.id);
    expect(fake.intents.size).toBe(1);

    const changed = stripe.paymentIntents.create(
      { ...params, amount: 2000 },
      { idempotencyKey: "order-o_1" },
    );
    await expect(changed).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("answers declines and bad keys with the SDK's error classes", async () => {
    const declined = stripe.paymentIntents.create({
      amount: 500,
      currency: "eur",
      payment_method: "pm_card_chargeDeclined",
      confirm: true,
    });
    await expect(declined).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
    });
    const wrongKey = new Stripe("sk_test_bad", {
      host: "127.0.0.1",
      port: fake.port,
      protocol: "http",
    });
    await expect(wrongKey.balance.retrieve()).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it("signs webhooks that constructEvent accepts, and a tampered one fails", async () => {
    const receiver = await startReceiver();
    fake.setWebhookTarget({ url: receiver.url, secret: "whsec_smoke" });
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd" });
    await fake.succeed(intent.id);
    const [delivery] = await receiver.waitFor(1);
    const header = String(delivery!.headers["stripe-signature"]);
    const event = stripe.webhooks.constructEvent(delivery!.body, header, "whsec_smoke");
    expect(event).toMatchObject({
      type: "payment_intent.succeeded",
      data: { object: { id: intent.id } },
    });

    const tampered = delivery!.body.replace('"amount":700', '"amount":7');
    expect(() => stripe.webhooks.constructEvent(tampered, header, "whsec_smoke")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    fake.setWebhookTarget(null);
    await receiver.close();
  });
});

/** The fields of PayPal's answers these tests read. */
interface PaypalAnswer {
  id: string;
  status: string;
  links: { rel: string }[];
  details: { issue: string }[];
  purchase_units: { payments: { captures: unknown[] } }[];
  verification_status: string;
}

describe("fake PayPal", () => {
  let fake: FakePaypal;
  beforeAll(async () => {
    fake = await startFakePaypal();
  });
  afterAll(() => fake.close());

  async function call(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as PaypalAnswer };
  }

  it("issues a token, then creates, approves and captures an order", async () => {
    const tokenResponse = await fetch(`${fake.url}/v1/oauth2/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("client_smoke:secret_smoke").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const unit = { custom_id: "o_1", amount: { currency_code: "USD", value: "10.50" } };
    const created = await call(token, "POST", "/v2/checkout/orders", {
      intent: "CAPTURE",
      purchase_units: [unit],
    });
    expect(created.status).toBe(201);
    expect(created.json.links.map((link) => link.rel)).toContain("approve");

    const early = await call(token, "POST", `/v2/checkout/orders/${created.json.id}/capture`);
    expect(early.json.details[0]?.issue).toBe("ORDER_NOT_APPROVED");

    fake.approve(created.json.id);
    const captured = await call(token, "POST", `/v2/checkout/orders/${created.json.id}/capture`);
    expect(captured.status).toBe(201);
    expect(captured.json.status).toBe("COMPLETED");
    expect(captured.json.purchase_units[0]?.payments.captures[0]).toMatchObject({
      status: "COMPLETED",
      amount: { currency_code: "USD", value: "10.50" },
      custom_id: "o_1",
    });
  });

  it("refuses SAR the way PayPal does, and verifies only its own signatures", async () => {
    const sar = {
      intent: "CAPTURE",
      purchase_units: [{ amount: { currency_code: "SAR", value: "5.00" } }],
    };
    const token = await fetch(`${fake.url}/v1/oauth2/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("c:s").toString("base64")}` },
      body: "grant_type=client_credentials",
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    const refused = await call(token, "POST", "/v2/checkout/orders", sar);
    expect(refused.status).toBe(422);
    expect(refused.json.details[0]?.issue).toBe("CURRENCY_NOT_SUPPORTED");

    const event = fake.event("PAYMENT.CAPTURE.COMPLETED", {
      id: "CAP1",
      amount: { value: "1.00", currency_code: "USD" },
    });
    const { headers } = fake.signedWebhook(event, "WH-ID");
    const verify = (webhook_event: unknown) =>
      call(token, "POST", "/v1/notifications/verify-webhook-signature", {
        auth_algo: headers["paypal-auth-algo"],
        cert_url: headers["paypal-cert-url"],
        transmission_id: headers["paypal-transmission-id"],
        transmission_sig: headers["paypal-transmission-sig"],
        transmission_time: headers["paypal-transmission-time"],
        webhook_id: "WH-ID",
        webhook_event,
      });
    expect((await verify(event)).json.verification_status).toBe("SUCCESS");
    expect((await verify({ ...event, summary: "forged" })).json.verification_status).toBe(
      "FAILURE",
    );
  });

  it("computes CRC-32 (IEEE) with and without zlib", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32Table(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});
