import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "./harness";
import { paymentsShop, paymentsWorld, PAYPAL_KEYS, type PaymentsWorld } from "./payments-helpers";

let w: PaymentsWorld;
beforeAll(async () => {
  w = await paymentsWorld();
});
afterAll(() => w.close());

const postPayPalHook = (slug: string, body: string, headers: Record<string, string>) =>
  w.t.request("/api/v1/payments/webhooks/paypal", {
    method: "POST",
    headers: { "x-tenant-id": slug, "content-type": "application/json", ...headers },
    body,
  });

describe("PayPal orders, as the integration guide creates them", () => {
  it("createPayPalOrder(items) with currency 'USD' gives PayPal's order and approval link", async () => {
    const s = await paymentsShop(w);
    const items = [
      { name: "AI Tool", quantity: "2", unit_amount: { currency_code: "USD", value: "199.99" } },
      { name: { en: "Guide", ar: "دليل" }, quantity: 1, unit_price: 10 },
    ];
    const res = await s.call("POST", "/api/v1/payments/paypal/create-order", {
      items,
      currency: "USD",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: "CREATED",
      amount: 409.98,
      currency: "USD",
      order_id: null,
    });
    expect(body.approve_url).toContain(body.id);
    const sent = w.paypal.requests.find(
      (r) => r.method === "POST" && r.path === "/v2/checkout/orders",
    );
    expect(sent!.headers["paypal-request-id"]).toMatch(/^bs-/);
    expect(sent!.body).toMatchObject({
      intent: "CAPTURE",
      purchase_units: [
        {
          amount: {
            currency_code: "USD",
            value: "409.98",
            breakdown: { item_total: { value: "409.98" } },
          },
        },
      ],
    });
  });

  it("approve, capture: the order is paid; capturing again is harmless", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("25.50", 2);
    const created = await (
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        currency: "usd",
        order_id: order.id,
      })
    ).json();
    expect(created.amount).toBe(51);
    await expectError(
      await s.call("POST", `/api/v1/payments/paypal/capture/${created.id}`),
      422,
      "PAYPAL_ORDER_NOT_APPROVED",
    );
    w.paypal.approve(created.id);
    const captured = await (
      await s.call("POST", `/api/v1/payments/paypal/capture/${created.id}`)
    ).json();
    expect(captured).toMatchObject({
      status: "completed",
      amount_captured: 51,
      provider: "paypal",
    });
    expect(captured.provider_charge_id).toBeTruthy();
    expect((await s.call("POST", `/api/v1/payments/paypal/capture/${created.id}`)).status).toBe(
      200,
    );
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 51 });
    expect(await s.events("payment.completed")).toHaveLength(1);
  });

  it("a declined capture is 402 and the payment is failed", async () => {
    const s = await paymentsShop(w);
    const created = await (
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        items: [{ name: "x", quantity: 1, price: "5.00" }],
        currency: "USD",
      })
    ).json();
    w.paypal.approve(created.id);
    w.paypal.declineNextCapture(created.id);
    await expectError(
      await s.call("POST", `/api/v1/payments/paypal/capture/${created.id}`),
      402,
      "PAYMENT_DECLINED",
    );
    const payment = await (await s.call("GET", `/api/v1/payments/${created.payment_id}`)).json();
    expect(payment.status).toBe("failed");
  });

  it("totals are checked: lines that do not add up to what the order owes are 422", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("30.00");
    const err = await expectError(
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        items: [{ name: "x", quantity: 1, unit_amount: { value: "29.99" } }],
        currency: "USD",
        order_id: order.id,
      }),
      422,
      "VALIDATION_ERROR",
    );
    expect(err.detail).toContain("owes 30 USD");
  });

  it("PayPal does not take SAR: a clear 422 before PayPal is asked", async () => {
    const s = await paymentsShop(w, { tenant: { currency: "SAR" } });
    const before = w.paypal.requests.length;
    const err = await expectError(
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        items: [{ name: "x", quantity: 1, price: 10 }],
        currency: "SAR",
      }),
      422,
      "VALIDATION_ERROR",
    );
    expect(err.errors?.[0]).toMatchObject({ field: "currency", code: "CURRENCY_NOT_SUPPORTED" });
    expect(w.paypal.requests.length).toBe(before);
  });

  it("the OAuth token is fetched once and reused until it expires", async () => {
    const s = await paymentsShop(w, { paypal: false });
    await s.call("PUT", "/api/v1/payments/settings/paypal", {
      ...PAYPAL_KEYS,
      client_id: "AXtokenCacheClient01",
    });
    const before = w.paypal.tokensIssued;
    for (let i = 0; i < 3; i++) {
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        items: [{ name: "x", quantity: 1, price: 1 }],
        currency: "USD",
      });
    }
    expect(w.paypal.tokensIssued - before).toBe(1);
    w.paypal.expireTokens();
    const res = await s.call("POST", "/api/v1/payments/paypal/create-order", {
      items: [{ name: "x", quantity: 1, price: 1 }],
      currency: "USD",
    });
    expect(res.status).toBe(200);
    expect(w.paypal.tokensIssued - before).toBe(2);
  });

  it("credentials PayPal rejects are 502 PROVIDER_AUTHENTICATION_FAILED naming the mode", async () => {
    const s = await paymentsShop(w, { paypal: false });
    await s.call("PUT", "/api/v1/payments/settings/paypal", {
      ...PAYPAL_KEYS,
      client_secret: "bad-secret-000000",
      mode: "live",
    });
    const err = await expectError(
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        items: [{ name: "x", quantity: 1, price: 1 }],
        currency: "USD",
      }),
      502,
      "PROVIDER_AUTHENTICATION_FAILED",
    );
    expect(err.detail).toContain("live mode");
  });
});

describe("PayPal webhooks", () => {
  it("a verified PAYMENT.CAPTURE.COMPLETED pays the order; a forged one is 400; a repeat is a no-op", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("12.00");
    const created = await (
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        currency: "USD",
        order_id: order.id,
      })
    ).json();
    w.paypal.approve(created.id);
    // Captured at PayPal (say, by the buyer's return page of another tab); we hear of it by webhook.
    const res = await fetch(`${w.paypal.url}/v2/checkout/orders/${created.id}/capture`, {
      method: "POST",
      headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
    });
    const capture = (await res.json()).purchase_units[0].payments.captures[0];
    const event = w.paypal.event("PAYMENT.CAPTURE.COMPLETED", capture);
    const signed = w.paypal.signedWebhook(event, PAYPAL_KEYS.webhook_id);
    const forged = { ...signed.headers, "paypal-transmission-sig": "AAAA" };
    await expectError(
      await postPayPalHook(s.tenant.slug, signed.body, forged),
      400,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect((await s.getOrder(order.id)).status).toBe("pending");
    const wrongHook = w.paypal.signedWebhook(event, "WH-SOMEONE-ELSE");
    await expectError(
      await postPayPalHook(s.tenant.slug, wrongHook.body, wrongHook.headers),
      400,
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect((await postPayPalHook(s.tenant.slug, signed.body, signed.headers)).status).toBe(200);
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 12 });
    const again = await postPayPalHook(s.tenant.slug, signed.body, signed.headers);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await s.events("payment.completed")).toHaveLength(1);
  });

  it("refunds go to PayPal's capture; PAYMENT.CAPTURE.REFUNDED for the same refund counts once", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("40.00");
    const created = await (
      await s.call("POST", "/api/v1/payments/paypal/create-order", {
        currency: "USD",
        order_id: order.id,
      })
    ).json();
    w.paypal.approve(created.id);
    await s.call("POST", `/api/v1/payments/paypal/capture/${created.id}`);
    const refunded = await (
      await s.call("POST", `/api/v1/payments/${created.payment_id}/refund`, {
        amount: "15.00",
        reason: "late",
      })
    ).json();
    expect(refunded.payment).toMatchObject({ status: "partially_refunded", amount_refunded: 15 });
    const refund = [...w.paypal.refunds.values()].at(-1)!;
    const signed = w.paypal.signedWebhook(
      w.paypal.event("PAYMENT.CAPTURE.REFUNDED", refund),
      PAYPAL_KEYS.webhook_id,
    );
    expect((await postPayPalHook(s.tenant.slug, signed.body, signed.headers)).status).toBe(200);
    expect(await s.getOrder(order.id)).toMatchObject({
      status: "partially_refunded",
      amount_refunded: 15,
    });
  });
});

async function token() {
  const res = await fetch(`${w.paypal.url}/v1/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${PAYPAL_KEYS.client_id}:${PAYPAL_KEYS.client_secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  return (await res.json()).access_token as string;
}

describe("what PayPal sends back", () => {
  it("a 2xx without an order id, or a 500, is a 502 and records nothing", async () => {
    const s = await paymentsShop(w);
    const send = () =>
      s.call("POST", "/api/v1/payments/paypal/create-order", {
        items: [{ name: "x", quantity: 1, price: 1 }],
        currency: "USD",
      });
    w.paypal.failNext("/v2/checkout/orders", 201, { status: "CREATED" });
    await expectError(await send(), 502, "PROVIDER_BAD_RESPONSE");
    w.paypal.failNext("/v2/checkout/orders", 500, { name: "INTERNAL_SERVER_ERROR" });
    await expectError(await send(), 502, "PROVIDER_UNAVAILABLE");
    expect((await (await s.call("GET", "/api/v1/payments")).json()).data).toEqual([]);
  });
});
