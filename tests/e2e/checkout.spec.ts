import type { Page } from "@playwright/test";
import type { BrainSAITStore } from "@/lib/sdk";
import { DECLINED_CARD, GOOD_CARD, routePayPal, routeStripe } from "./checkout-doubles";
import {
  expect,
  expectDocumentLocale,
  hydrated,
  seriousViolations,
  test,
  uniqueId,
  withPaymentSettingsLock,
  format,
  type AppLocale,
} from "./fixtures";
import { fakeProviders } from "./paths";
import { screenshot } from "./screenshots";

// Issue 12, item 8: the customer's hosted checkout, paid through doubles of Stripe.js and PayPal's
// SDK (checkout-doubles.ts) against the fake providers the main server talks to.
// Long: a test may wait for the payment settings lock (fixtures.ts) before it pays.
test.describe.configure({ timeout: 240_000 });
const FAKES = fakeProviders(Number(process.env.E2E_PORT ?? 3100));
const STRIPE = {
  secretKey: "sk_test_e2echeckout000000",
  publishableKey: "pk_test_e2echeckout000000",
  webhookSecret: "whsec_e2echeckout000000",
};
const PAYPAL = {
  clientId: "e2e-checkout-client",
  clientSecret: "e2e-checkout-secret",
  webhookId: "WH-E2E-CHECKOUT",
  mode: "sandbox",
} as const;
/** A server action's reply and a page read on a busy test server take a while. */
const SLOW = { timeout: 20_000 };

async function control(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
}

/** The demo store takes cards through the fake Stripe, whose webhooks come back to this server. */
async function connectStripe(owner: BrainSAITStore, baseURL: string) {
  await owner.payments.updateStripe(STRIPE);
  await control(`${FAKES.stripeUrl}/_test/webhook-target`, {
    url: `${baseURL}/api/webhooks/stripe/demo`,
    secret: STRIPE.webhookSecret,
  });
}

async function connectPayPal(owner: BrainSAITStore, baseURL: string) {
  await owner.payments.updatePayPal(PAYPAL);
  await control(`${FAKES.paypalUrl}/_test/webhook-target`, {
    url: `${baseURL}/api/webhooks/paypal/demo`,
    webhookId: PAYPAL.webhookId,
  });
}

/** An order of two lines in `currency` (PayPal takes USD, not SAR) and its checkout link. */
async function orderWithLink(owner: BrainSAITStore, currency: "SAR" | "USD") {
  const id = uniqueId();
  const product = (name: { en: string; ar: string }, price: string, n: number) =>
    owner.products.create({
      name,
      price,
      currency,
      sku: `PAY-${id}-${n}`,
      status: "active",
      inventory: 20,
    });
  const coffee = await product(
    { en: `Cardamom coffee ${id}`, ar: `قهوة بالهيل ${id}` },
    "45.00",
    1,
  );
  const dates = await product({ en: "Sukkari dates, 1 kg", ar: "تمر سكري، ١ كجم" }, "120.50", 2);
  const order = await owner.orders.create({
    currency,
    items: [
      { productId: coffee.id, quantity: 2 },
      { productId: dates.id, quantity: 1 },
    ],
    customerEmail: `checkout-${id}@example.com`,
  });
  const link = await owner.payments.createCheckoutLink(order.id);
  return { order, link, coffee };
}

/** As the page shows money: Intl's words, a Latin symbol kept whole inside Arabic ("US$"). */
const money = (locale: AppLocale, amount: number, currency: string) => {
  const text = new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  return locale === "ar" ? text.replace(/([A-Za-z]+\$?)/, "\u2066$1\u2069") : text;
};

/**
 * Opens the link as the customer gets it (no locale in it) and lands on the page's language, with
 * the checkout's CSP and no Referer; any CSP violation on the page fails the test at its end.
 */
async function openLink(page: Page, url: string, locale: AppLocale, token: string) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(url);
  await expect(page).toHaveURL(new RegExp(`/${locale}/pay/${token}$`));
  await expectDocumentLocale(page, locale);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-src 'self' https://js.stripe.com");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  return violations;
}

test("pay by card: a declined card, then a good one, then the order is paid and refunded in part", async ({
  page,
  owner,
  apiBaseURL,
  appLocale,
  t,
}) =>
  // The demo store's provider settings are shared: payments-admin.spec.ts changes them too.
  withPaymentSettingsLock(async () => {
    await connectStripe(owner, apiBaseURL);
    const { order, link, coffee } = await orderWithLink(owner, "SAR");
    await routeStripe(page, FAKES);
    const violations = await openLink(page, link.url, appLocale, link.token);

    const c = t.Checkout;
    await expect(page.getByRole("heading", { level: 1, name: c.heading })).toBeVisible();
    const summary = page.getByRole("region", { name: c.summary.title });
    await expect(summary.getByRole("listitem")).toHaveCount(2);
    await expect(summary).toContainText(coffee.name[appLocale]);
    await expect(summary).toContainText(money(appLocale, order.total, "SAR"));
    // No PayPal for SAR, and no admin chrome for a customer.
    await expect(page.locator("[data-fake-stripe]")).toHaveAttribute(
      "data-fake-stripe",
      `${STRIPE.publishableKey} ${appLocale}`,
    );
    await expect(page.getByRole("navigation")).toHaveCount(0);

    const card = page.locator("[data-fake-stripe] input");
    const pay = page.getByRole("button", {
      name: format(c.pay.submit, { amount: money(appLocale, order.total, "SAR") }),
    });
    await hydrated(pay);
    await expect(pay).toBeEnabled();
    await screenshot(page, `checkout-card-${appLocale}`);
    expect(await seriousViolations(page)).toEqual([]);

    await card.fill(DECLINED_CARD);
    await pay.click();
    const declined = page.getByRole("alert").filter({ hasText: c.errors.card_declined.title });
    await expect(declined).toBeVisible(SLOW);
    await expect(declined).toContainText(c.errors.card_declined.description);
    await expect(declined).toContainText("Your card was declined.");
    await screenshot(page, `checkout-declined-${appLocale}`);

    await card.fill(GOOD_CARD);
    await pay.click();
    await expect(page).toHaveURL(/\/return\?payment_intent=pi_[^&]+&.*redirect_status=succeeded/);
    await expect(page.getByRole("heading", { level: 1, name: c.states.paid.title })).toBeVisible(
      SLOW,
    );
    const receipt = page.getByRole("region", { name: c.states.paid.receipt });
    await expect(receipt).toContainText(money(appLocale, order.total, "SAR"));
    await expect(page.getByRole("main")).toContainText(order.number);
    await screenshot(page, `checkout-paid-${appLocale}`);
    // Once paid, the link itself shows the receipt, not the form.
    await page.goto(`/${appLocale}/pay/${link.token}`);
    await expect(page.getByRole("heading", { level: 1, name: c.states.paid.title })).toBeVisible();

    // In the admin (this browser is also the signed-in owner): the order moved to paid.
    expect((await owner.orders.get(order.id)).status).toBe("paid");
    await page.goto(`/${appLocale}/orders/${order.id}`);
    const statuses = t.orders.status as Record<string, string>;
    await expect(
      page
        .getByRole("list", { name: t.orders.timeline.title })
        .getByRole("listitem")
        .filter({
          hasText: format(t.orders.timeline.statusChanged, {
            from: statuses.pending!,
            to: statuses.paid!,
          }),
        }),
    ).toHaveCount(1);

    // Part of it goes back to the customer from the payment's page.
    const [payment] = (await owner.payments.list({ orderId: order.id, status: "completed" })).data;
    await page.goto(`/${appLocale}/payments/${payment!.id}`);
    const r = t.Payments.refund;
    const start = page.getByRole("button", { name: r.button, exact: true });
    await hydrated(start);
    await start.click();
    const form = page.getByRole("dialog", { name: r.title });
    await form.getByLabel(format(r.amount, { currency: "SAR" })).fill("50");
    await form.getByRole("button", { name: r.continue }).click();
    const fifty = new Intl.NumberFormat(appLocale, { style: "currency", currency: "SAR" }).format(
      50,
    );
    await page
      .getByRole("alertdialog", { name: r.confirmTitle })
      .getByRole("button", { name: format(r.confirmButton, { amount: fifty }) })
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: format(r.done, { amount: fifty }) }),
    ).toBeVisible(SLOW);
    const refunded = await owner.payments.get(payment!.id);
    expect(refunded.amountRefunded).toBe(50);
    expect(refunded.status).toBe("partially_refunded");
    expect(violations).toEqual([]);
  }));

test("pay with PayPal: the buttons approve and capture, then the receipt shows", async ({
  page,
  owner,
  apiBaseURL,
  appLocale,
  t,
}) =>
  // The demo store's provider settings are shared: payments-admin.spec.ts changes them too.
  withPaymentSettingsLock(async () => {
    await connectPayPal(owner, apiBaseURL);
    const { order, link } = await orderWithLink(owner, "USD");
    await routeStripe(page, FAKES);
    await routePayPal(page, FAKES);
    const violations = await openLink(page, link.url, appLocale, link.token);

    const c = t.Checkout;
    const paypal = page.getByRole("region", { name: c.pay.title }).getByRole("button", {
      name: "PayPal",
      exact: true,
    });
    await expect(paypal).toBeVisible(SLOW);
    await screenshot(page, `checkout-paypal-${appLocale}`);
    await paypal.click();
    await expect(page.getByRole("heading", { level: 1, name: c.states.paid.title })).toBeVisible(
      SLOW,
    );
    await expect(page.getByRole("region", { name: c.states.paid.receipt })).toContainText(
      money(appLocale, order.total, "USD"),
    );
    expect((await owner.orders.get(order.id)).status).toBe("paid");
    expect(violations).toEqual([]);
  }));

test("after 3-D Secure: a failure offers a retry; a payment still processing turns paid by itself", async ({
  page,
  owner,
  apiBaseURL,
  appLocale,
  t,
}) =>
  // The demo store's provider settings are shared: payments-admin.spec.ts changes them too.
  withPaymentSettingsLock(async () => {
    await connectStripe(owner, apiBaseURL);
    const { link } = await orderWithLink(owner, "SAR");
    await routeStripe(page, FAKES);
    const c = t.Checkout;
    const returnPage = (status: string, intent: string) =>
      `/${appLocale}/pay/${link.token}/return?payment_intent=${intent}&redirect_status=${status}`;

    await page.goto(returnPage("failed", "pi_unknown"));
    await expect(page.getByRole("heading", { level: 1, name: c.return.failedTitle })).toBeVisible();
    const retry = page.getByRole("link", { name: c.return.retry });
    await hydrated(retry);
    await retry.click();
    await expect(page).toHaveURL(new RegExp(`/${appLocale}/pay/${link.token}$`));
    await expect(page.getByRole("heading", { level: 1, name: c.heading })).toBeVisible();

    // The page made the PaymentIntent; Stripe has not settled it yet when the customer comes back.
    const intent = await page.locator("[data-intent]").getAttribute("data-intent");
    expect(intent).toMatch(/^pi_/);
    await page.goto(returnPage("processing", intent!));
    await expect(
      page.getByRole("heading", { level: 1, name: c.return.processingTitle }),
    ).toBeVisible();
    await hydrated(page.getByRole("button", { name: c.return.checkAgain }));
    await screenshot(page, `checkout-processing-${appLocale}`);
    await control(`${FAKES.stripeUrl}/_test/payment_intents/${intent}/succeed`, {});
    await expect(page.getByRole("heading", { level: 1, name: c.states.paid.title })).toBeVisible(
      SLOW,
    );
  }));

test("cancelled orders, revoked links and unknown links each say so", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const c = t.Checkout;
  const revoked = await orderWithLink(owner, "SAR");
  await owner.payments.revokeCheckoutLink(revoked.order.id);
  await page.goto(`/${appLocale}/pay/${revoked.link.token}`);
  await expect(page.getByRole("heading", { level: 1, name: c.states.revoked.title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(revoked.order.number);
  await screenshot(page, `checkout-revoked-${appLocale}`);

  const cancelled = await orderWithLink(owner, "SAR");
  await owner.orders.update(cancelled.order.id, { status: "cancelled" });
  await page.goto(`/${appLocale}/pay/${cancelled.link.token}`);
  await expect(
    page.getByRole("heading", { level: 1, name: c.states.cancelled.title }),
  ).toBeVisible();

  const response = await page.goto(`/${appLocale}/pay/bsp_${"x".repeat(32)}`);
  expect(response?.status()).toBe(404);
  await expectDocumentLocale(page, appLocale);
  await expect(page.getByRole("heading", { level: 1, name: c.notFound.title })).toBeVisible();
  // A customer has no business in the admin: no way there from this page.
  await expect(page.getByRole("link")).toHaveCount(1); // the language switch
  expect(await seriousViolations(page)).toEqual([]);
});
