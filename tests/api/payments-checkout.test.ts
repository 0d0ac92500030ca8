import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { auditLog } from "@/lib/audit/schema";
import { paymentProviders } from "@/lib/payments/schema";
import { expectError } from "./harness";
import {
  paymentsShop,
  paymentsWorld,
  PAYPAL_KEYS,
  STRIPE_KEYS,
  type PaymentsWorld,
} from "./payments-helpers";

let w: PaymentsWorld;
beforeAll(async () => {
  w = await paymentsWorld();
});
afterAll(() => w.close());

const checkout = (token: string, path = "", method = "GET") =>
  w.t.request(`/api/v1/checkout/${token}${path}`, { method });

describe("provider settings", () => {
  it("are sealed at rest, masked in replies, audited by field name only", async () => {
    const s = await paymentsShop(w);
    const settings = await (await s.call("GET", "/api/v1/payments/settings")).json();
    expect(settings.stripe).toMatchObject({
      configured: true,
      secret_key: "sk_test_…NoPqr".replace("NoPqr", STRIPE_KEYS.secret_key.slice(-4)),
      livemode: false,
      webhook_url: `http://localhost:3000/api/webhooks/stripe/${s.tenant.slug}`,
    });
    expect(settings.paypal).toMatchObject({ configured: true, mode: "sandbox" });
    const text = JSON.stringify(settings);
    for (const secret of [
      STRIPE_KEYS.secret_key,
      STRIPE_KEYS.webhook_secret,
      PAYPAL_KEYS.client_secret,
    ]) {
      expect(text).not.toContain(secret);
    }
    const rows = await w.t.db
      .select()
      .from(paymentProviders)
      .where(eq(paymentProviders.tenantId, s.tenant.id));
    expect(JSON.stringify(rows)).not.toContain(STRIPE_KEYS.secret_key.slice(8));
    const [entry] = await w.t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.tenantId, s.tenant.id))
      .orderBy(desc(auditLog.createdAt))
      .limit(1);
    expect(entry!.action).toBe("payments.settings_updated");
    expect(JSON.stringify(entry!.metadata)).not.toContain("sk_test");
  });

  it("keys of different modes are refused; test connection says what is wrong", async () => {
    const s = await paymentsShop(w, { stripe: false });
    await expectError(
      await s.call("PUT", "/api/v1/payments/settings/stripe", {
        ...STRIPE_KEYS,
        publishable_key: "pk_live_51AbCdEfGhIj",
      }),
      422,
      "PROVIDER_MODE_MISMATCH",
    );
    expect(
      await (await s.call("POST", "/api/v1/payments/settings/stripe/test")).json(),
    ).toMatchObject({
      ok: false,
      code: "PROVIDER_NOT_CONFIGURED",
    });
    await s.call("PUT", "/api/v1/payments/settings/stripe", {
      ...STRIPE_KEYS,
      secret_key: "sk_test_bad_0000000000",
    });
    expect(
      await (await s.call("POST", "/api/v1/payments/settings/stripe/test")).json(),
    ).toMatchObject({
      ok: false,
      code: "PROVIDER_AUTHENTICATION_FAILED",
    });
    // Only the field that changes is sent; the others are kept.
    await s.call("PUT", "/api/v1/payments/settings/stripe", { secret_key: STRIPE_KEYS.secret_key });
    expect(
      await (await s.call("POST", "/api/v1/payments/settings/stripe/test")).json(),
    ).toMatchObject({ ok: true, livemode: false });
    expect(
      await (await s.call("POST", "/api/v1/payments/settings/paypal/test")).json(),
    ).toMatchObject({ ok: true });
  });

  it("only owners and admins see or change them", async () => {
    const s = await paymentsShop(w, { role: "staff" });
    await expectError(
      await s.call("GET", "/api/v1/payments/settings"),
      403,
      "INSUFFICIENT_PERMISSION",
    );
    await expectError(
      await s.call("PUT", "/api/v1/payments/settings/stripe", STRIPE_KEYS),
      403,
      "INSUFFICIENT_PERMISSION",
    );
  });
});

/** A store's order of 100.00 with 40 of it paid in cash. */
async function partlyPaid() {
  const s = await paymentsShop(w);
  const order = await s.order("100.00");
  await s.call("POST", "/api/v1/payments/manual", {
    order_id: order.id,
    method: "cash_on_delivery",
    amount: 40,
  });
  return { s, order };
}

describe("manual payments", () => {
  it("a bank transfer with a reference pays the order", async () => {
    const s = await paymentsShop(w, { role: "staff" });
    const order = await s.order("75.00");
    await expectError(
      await s.call("POST", "/api/v1/payments/manual", {
        order_id: order.id,
        method: "bank_transfer",
        amount: "75.01",
      }),
      422,
      "AMOUNT_EXCEEDS_DUE",
    );
    const res = await s.call("POST", "/api/v1/payments/manual", {
      order_id: order.id,
      method: "bank_transfer",
      reference: "TRX-2026-0042",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      provider: "manual",
      method: "bank_transfer",
      reference: "TRX-2026-0042",
      status: "completed",
      amount: 75,
    });
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 75 });
    await expectError(
      await s.call("POST", "/api/v1/payments/manual", {
        order_id: order.id,
        method: "cash_on_delivery",
      }),
      409,
      "ORDER_NOT_PAYABLE",
    );
  });

  it("part of it leaves the order pending until the rest arrives", async () => {
    const { s, order } = await partlyPaid();
    expect(await s.getOrder(order.id)).toMatchObject({ status: "pending", amount_paid: 40 });
    await s.call("POST", "/api/v1/payments/manual", {
      order_id: order.id,
      method: "bank_transfer",
    });
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 100 });
    const csv = await (
      await s.call("GET", `/api/v1/payments/export?order_id=${order.id}&sort=amount`)
    ).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      "id,created_at,provider,method,status,currency,amount,amount_captured,amount_refunded,order_number,provider_id,provider_charge_id,reference,completed_at",
    );
    expect(lines.slice(1).map((l) => l.split(",").slice(2, 7).join(","))).toEqual([
      "manual,cash_on_delivery,completed,USD,40",
      "manual,bank_transfer,completed,USD,60",
    ]);
  });
});

describe("hosted checkout links", () => {
  it("open, pay by card, and the link then shows paid", async () => {
    const s = await paymentsShop(w, {
      tenant: { currency: "SAR", vatRateBp: 1500, pricesIncludeVat: true },
    });
    const order = await s.order("115.00");
    const link = await (await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)).json();
    expect(link.url).toBe(`http://localhost:3000/pay/${link.token}`);
    expect(link.token).toMatch(/^bsp_[A-Za-z0-9_-]{32}$/);
    // The admin can copy it again later.
    expect(
      (await (await s.call("GET", `/api/v1/payments/checkout-links/${order.id}`)).json()).token,
    ).toBe(link.token);
    const view = await (await checkout(link.token)).json();
    expect(view).toMatchObject({
      state: "open",
      order: { number: order.number, total: 115, tax: 15, amount_due: 115, currency: "SAR" },
      providers: { stripe: { publishable_key: STRIPE_KEYS.publishable_key }, paypal: null },
    });
    expect(JSON.stringify(view)).not.toContain(STRIPE_KEYS.secret_key);
    const intent = await (await checkout(link.token, "/stripe", "POST")).json();
    expect(intent.client_secret).toContain("_secret_");
    // Reloading the page reuses the same intent.
    const again = await (await checkout(link.token, "/stripe", "POST")).json();
    expect(again.client_secret).toBe(intent.client_secret);
    const piId = intent.client_secret.split("_secret_")[0];
    await w.stripe.succeed(piId);
    // Back from 3-D Secure before the webhook: the page re-reads Stripe.
    expect((await (await checkout(link.token, "/refresh", "POST")).json()).state).toBe("paid");
    expect((await s.getOrder(order.id)).status).toBe("paid");
    await expectError(await checkout(link.token, "/stripe", "POST"), 409, "CHECKOUT_CLOSED");
  });

  it("PayPal through the link, where the currency allows it", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("9.99");
    const link = await (await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)).json();
    expect((await (await checkout(link.token)).json()).providers.paypal).toMatchObject({
      client_id: PAYPAL_KEYS.client_id,
    });
    const created = await (await checkout(link.token, "/paypal", "POST")).json();
    w.paypal.approve(created.id);
    const after = await (
      await checkout(link.token, `/paypal/${created.id}/capture`, "POST")
    ).json();
    expect(after.state).toBe("paid");
  });

  it("PayPal pays the rest of a partly paid order (found by the fuzzer)", async () => {
    const { s, order } = await partlyPaid();
    const link = await (await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)).json();
    const res = await checkout(link.token, "/paypal", "POST");
    expect(res.status).toBe(200);
    const created = await res.json();
    expect(w.paypal.orders.get(created.id)?.purchase_units[0]?.amount.value).toBe("60.00");
    w.paypal.approve(created.id);
    await checkout(link.token, `/paypal/${created.id}/capture`, "POST");
    expect(await s.getOrder(order.id)).toMatchObject({ status: "paid", amount_paid: 100 });
  });

  it("revoked, replaced, unknown and cancelled links say so", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("5.00");
    const first = await (
      await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)
    ).json();
    const second = await (
      await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)
    ).json();
    expect((await (await checkout(first.token)).json()).state).toBe("revoked");
    expect((await (await checkout(second.token)).json()).state).toBe("open");
    expect((await s.call("DELETE", `/api/v1/payments/checkout-links/${order.id}`)).status).toBe(
      204,
    );
    expect((await (await checkout(second.token)).json()).state).toBe("revoked");
    await expectError(
      await s.call("GET", `/api/v1/payments/checkout-links/${order.id}`),
      404,
      "CHECKOUT_LINK_NOT_FOUND",
    );
    await expectError(await checkout("bsp_" + "x".repeat(32)), 404, "CHECKOUT_NOT_FOUND");
    await expectError(await checkout("not-a-token"), 404, "CHECKOUT_NOT_FOUND");
    const third = await (
      await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)
    ).json();
    await s.asOwner("PATCH", `/api/v1/store/orders/${order.id}`, { status: "cancelled" });
    expect((await (await checkout(third.token)).json()).state).toBe("cancelled");
  });

  it("expires after 14 days", async () => {
    const s = await paymentsShop(w);
    const order = await s.order("5.00");
    const link = await (await s.call("POST", `/api/v1/payments/checkout-links/${order.id}`)).json();
    const now = w.t.clock.now;
    w.t.clock.now = new Date(now.getTime() + 15 * 86_400_000);
    try {
      expect((await (await checkout(link.token)).json()).state).toBe("expired");
      await expectError(await checkout(link.token, "/stripe", "POST"), 409, "CHECKOUT_CLOSED");
    } finally {
      w.t.clock.now = now;
    }
  });
});
