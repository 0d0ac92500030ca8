import type { Page } from "@playwright/test";
import type { fakeProviders } from "./paths";

type Fakes = ReturnType<typeof fakeProviders>;

/** Typed into the double's card field, it makes the fake Stripe decline the payment. */
export const DECLINED_CARD = "4000 0000 0000 0002";
export const GOOD_CARD = "4242 4242 4242 4242";

// Both URLs are on origins the checkout's CSP allows for connect-src, so the page may call them;
// Playwright answers them here and steers the fakes (tests/support/fake-*.ts) over HTTP.
const STRIPE_CONFIRM = "https://api.stripe.com/v1/test-confirm";
const PAYPAL_APPROVE = "https://www.sandbox.paypal.com/test-approve";
const CORS = { "access-control-allow-origin": "*" };

/**
 * Stripe.js as the page uses it (through @stripe/react-stripe-js): elements(), create("payment"),
 * mount() drawing a plain card field, and confirmPayment(), which asks the test to succeed or fail
 * the PaymentIntent at the fake Stripe, then goes to return_url as Stripe does, or returns the error.
 */
const STRIPE_JS = `(() => {
  function Stripe(key, options) {
    const locale = (options && options.locale) || "auto";
    let clientSecret = null;
    let input = null;
    function create(type) {
      const handlers = {};
      let node = null;
      const element = {
        mount(target) {
          node = typeof target === "string" ? document.querySelector(target) : target;
          const label = document.createElement("label");
          label.style.cssText = "display:flex;flex-direction:column;gap:6px;font-size:14px";
          label.textContent = locale === "ar" ? "رقم البطاقة" : "Card number";
          input = document.createElement("input");
          input.inputMode = "numeric";
          input.autocomplete = "cc-number";
          input.dir = "ltr";
          input.placeholder = "1234 1234 1234 1234";
          input.style.cssText = "height:40px;border:1px solid #d4d4d8;border-radius:6px;padding:0 12px";
          label.append(input);
          node.replaceChildren(label);
          node.dataset.fakeStripe = key + " " + locale;
          node.dataset.intent = String(clientSecret).split("_secret_")[0];
          setTimeout(() => (handlers.ready || []).forEach((cb) => cb({ elementType: type })), 50);
        },
        on(event, cb) { (handlers[event] = handlers[event] || []).push(cb); return element; },
        off(event, cb) { handlers[event] = (handlers[event] || []).filter((h) => h !== cb); return element; },
        update() {}, unmount() {}, collapse() {}, blur() {}, clear() {},
        focus() { input && input.focus(); },
        destroy() { node && node.replaceChildren(); },
      };
      return element;
    }
    return {
      elements(options) {
        clientSecret = options && options.clientSecret;
        return { create, getElement: () => null, update() {}, submit: async () => ({}), fetchUpdates: async () => ({}) };
      },
      createToken: async () => ({}),
      createPaymentMethod: async () => ({}),
      confirmCardPayment: async () => ({}),
      async confirmPayment({ confirmParams }) {
        const response = await fetch(${JSON.stringify(STRIPE_CONFIRM)}, {
          method: "POST",
          body: JSON.stringify({ clientSecret, card: input ? input.value : "" }),
        });
        const outcome = await response.json();
        if (outcome.error) return { error: outcome.error };
        const back = new URL(confirmParams.return_url);
        back.searchParams.set("payment_intent", outcome.id);
        back.searchParams.set("payment_intent_client_secret", clientSecret);
        back.searchParams.set("redirect_status", "succeeded");
        window.location.assign(back.href);
        return new Promise(() => {});
      },
      _registerWrapper() {},
      registerAppInfo() {},
    };
  }
  Stripe.version = "endive";
  window.Stripe = Stripe;
})();`;

/** Serves the Stripe.js double and settles each confirmation at the fake Stripe. */
export async function routeStripe(page: Page, fakes: Fakes) {
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: STRIPE_JS }),
  );
  await page.route(STRIPE_CONFIRM, async (route) => {
    const { clientSecret, card } = JSON.parse(route.request().postData() ?? "{}") as {
      clientSecret: string;
      card: string;
    };
    const id = clientSecret.split("_secret_")[0]!;
    const declined = card.replace(/\s/g, "") === DECLINED_CARD.replace(/\s/g, "");
    const answer = await fetch(
      `${fakes.stripeUrl}/_test/payment_intents/${id}/${declined ? "fail" : "succeed"}`,
      { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
    );
    if (!answer.ok) throw new Error(`fake Stripe: ${answer.status} ${await answer.text()}`);
    const intent = (await answer.json()) as { last_payment_error: Record<string, string> | null };
    await route.fulfill({
      headers: CORS,
      json: declined ? { error: intent.last_payment_error } : { id },
    });
  });
}

/**
 * PayPal's JS SDK (v5, as @paypal/react-paypal-js loads it): Buttons() renders one button that
 * creates the order through the page, has the fake PayPal approve it, and calls onApprove.
 */
const PAYPAL_JS = `(() => {
  window.paypal = {
    version: "5.0.0",
    FUNDING: { PAYPAL: "paypal" },
    Buttons(options) {
      let container = null;
      return {
        isEligible: () => true,
        async render(target) {
          container = typeof target === "string" ? document.querySelector(target) : target;
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = "PayPal";
          button.style.cssText = "width:100%;height:44px;border-radius:6px;background:#ffc439;font-weight:700";
          button.onclick = async () => {
            try {
              const orderID = await options.createOrder({}, {});
              await fetch(${JSON.stringify(PAYPAL_APPROVE)}, { method: "POST", body: JSON.stringify({ orderID }) });
              await options.onApprove({ orderID, payerID: "FAKEPAYER" }, {});
            } catch (error) {
              options.onError && options.onError(error);
            }
          };
          container.replaceChildren(button);
        },
        async close() { container && container.replaceChildren(); },
        async updateProps() {},
      };
    },
  };
})();`;

/** Serves the PayPal SDK double and approves each order at the fake PayPal. */
export async function routePayPal(page: Page, fakes: Fakes) {
  for (const origin of ["https://www.paypal.com", "https://www.sandbox.paypal.com"])
    await page.route(`${origin}/sdk/js**`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: PAYPAL_JS }),
    );
  await page.route(PAYPAL_APPROVE, async (route) => {
    const { orderID } = JSON.parse(route.request().postData() ?? "{}") as { orderID: string };
    const answer = await fetch(`${fakes.paypalUrl}/_test/orders/${orderID}/approve`, {
      method: "POST",
    });
    if (!answer.ok) throw new Error(`fake PayPal: ${answer.status} ${await answer.text()}`);
    await route.fulfill({ headers: CORS, json: { ok: true } });
  });
}
