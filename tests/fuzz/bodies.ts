import { PASSWORD } from "../api/harness";
import { PAYPAL_KEYS, STRIPE_KEYS } from "../api/payments-helpers";
import type { Operation } from "./spec";

/** What the valid bodies refer to: the world's ids, people and settings (world.ts). */
export interface BodyContext {
  ids: { product: string; bulk: string; order: string; accept: { token: string } };
  owner: { email: string };
  loginUser: { email: string };
  staff: { email: string };
  session: { refresh: string; logout: string };
  manual: unknown;
  next: () => string;
}

/** Valid bodies the schema alone cannot give: real ids, and values that pass the rules. */
export function validBody(op: Operation, w: BodyContext): unknown {
  const { ids, owner, loginUser, staff, session, manual, next } = w;
  switch (op.key) {
    case "POST /api/v1/auth/password-reset":
      return { email: owner.email };
    case "POST /api/v1/auth/password-reset/confirm":
      return { token: "x".repeat(43), password: "another horse battery staple" };
    case "POST /api/v1/auth/login":
      return { email: loginUser.email, password: PASSWORD };
    case "POST /api/v1/auth/refresh":
      return { refresh_token: session.refresh };
    case "POST /api/v1/auth/logout":
      return { refresh_token: session.logout };
    case "POST /api/v1/auth/invitation":
      return { token: ids.accept.token };
    case "POST /api/v1/auth/accept-invitation":
      return { token: ids.accept.token, name: "New", password: "another horse battery staple" };
    case "PATCH /api/v1/auth/me/preferences":
      return { digits: "arab", calendar: "islamic-umalqura" };
    case "POST /api/v1/store/products":
      return {
        name: { en: "Fuzzed", ar: "مفحوص" },
        price: 299.99,
        currency: "USD",
        tags: ["a"],
        inventory: 5,
      };
    case "PUT /api/v1/store/products/categories/names":
      return { category: "software", names: { en: "Software", ar: "برمجيات" } };
    case "POST /api/v1/store/products/bulk":
      return { ids: [ids.bulk], action: "draft" };
    case "PATCH /api/v1/store/products/{id}":
      return { price: 12.5, tags: ["x"], description: { en: "d" } };
    case "POST /api/v1/store/orders":
      return {
        items: [{ product_id: ids.product, quantity: 1 }],
        customer_email: "buyer@example.com",
        notes: "n",
      };
    case "PATCH /api/v1/store/orders/{id}":
      return { notes: "fuzz", customer_name: "Buyer" };
    case "POST /api/v1/payments/stripe/create-payment-intent":
      return { amount: 1000, currency: "usd", order_id: ids.order };
    case "POST /api/v1/payments/paypal/create-order":
      return { currency: "USD", order_id: ids.order };
    case "POST /api/v1/payments/manual":
      return { order_id: ids.order, method: "bank_transfer", reference: "r", amount: "0.01" };
    case "PUT /api/v1/payments/settings/stripe":
      return STRIPE_KEYS;
    case "PUT /api/v1/payments/settings/paypal":
      return PAYPAL_KEYS;
    case "PUT /api/v1/payments/settings/manual":
      return manual;
    case "POST /api/v1/payments/{id}/refund":
      return { amount: "0.01", reason: "fuzz" };
    case "POST /api/v1/api-keys":
      return { name: "WooCommerce sync", scopes: ["products:read", "orders:write"] };
    case "POST /api/v1/api-keys/{id}/roll":
      return {};
    case "POST /api/v1/users/invitations":
      return { email: "layla@example.com", role: "staff", name: "Layla", locale: "ar" };
    case "PATCH /api/v1/users/{id}":
      return { name: "Staff member" };
    case "PATCH /api/v1/store/settings":
      return { time_zone: "Asia/Riyadh", vat_rate: 0 };
    case "POST /api/v1/setup":
      return {
        setup_code: "7K2M-QX9P-4RTB",
        store: { slug: "acme", name: { en: "A", ar: "أ" } },
        owner: {},
      };
    case "POST /api/v1/signup":
      return {
        store: { slug: `s${next()}`, name: { en: "Shop", ar: "متجر" }, currency: "SAR" },
        owner: {
          name: "Sara",
          email: `o${next()}@example.test`,
          password: "correct horse battery staple",
        },
      };
    case "POST /api/v1/webhooks":
      return { url: "https://example.com/webhook/brainsait", events: ["order.created"] };
    case "PATCH /api/v1/webhooks/{id}":
      return { description: "fuzzed" };
    case "POST /api/v1/developers":
      return { developer_ref: `d${next()}`, name: "Sahara Apps", email: "dev@sahara.example" };
    case "POST /api/v1/developers/{ref}/apps":
      return {
        app_ref: `a${next()}`,
        name: { en: "Parcels", ar: "طرود" },
        description: "Labels",
        install_callback_url: "https://example.com/cb",
        scopes: ["products:read"],
      };
    case "PATCH /api/v1/developers/{ref}/apps/{app_ref}":
      return { description: "Fuzzed" };
    case "POST /api/v1/{account}/authorise":
      return { apiAccountCredentials: { emailAddress: staff.email, password: PASSWORD } };
    case "POST /api/v1/payments/webhooks/stripe":
    case "POST /api/v1/payments/webhooks/paypal":
      return { id: "evt_1", type: "payment_intent.succeeded", data: { object: {} } };
  }
  return op.bodyType === "application/json" ? {} : undefined;
}
