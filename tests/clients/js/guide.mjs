// The integration guide's JavaScript calls, through the packed @brainsait/store-sdk installed in a
// fresh project (tests/clients/run.sh), against a running Store API. Plain Node, no TypeScript.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import {
  BrainSAITStore,
  signToken,
  StoreApiError,
  verifyWebhook,
  WebhookVerificationError,
} from "@brainsait/store-sdk";

const baseURL = process.env.STORE_API_URL;
const tenantId = process.env.STORE_TENANT_ID ?? "demo";
const email = process.env.STORE_EMAIL ?? "owner@demo.test";
const password = process.env.STORE_PASSWORD ?? "brainsait-demo";
assert.ok(baseURL, "STORE_API_URL is required");

const steps = [];
const step = async (name, fn) => {
  await fn();
  steps.push(name);
};

// Sign in (the guide's fetch to /auth/login and /auth/refresh), then an API key for the rest.
const anonymous = new BrainSAITStore({ tenantId, baseURL });
const tokens = await anonymous.auth.login({ email, password });
const owner = new BrainSAITStore({ tenantId, baseURL, accessToken: tokens.accessToken });
await step("login + refresh", async () => {
  const renewed = await anonymous.auth.refresh({ refreshToken: tokens.refreshToken });
  assert.ok(renewed.accessToken);
});
await owner.payments.updateStripe({
  secretKey: "sk_test_51AbCdEfGhIjKlMnOpQr",
  publishableKey: "pk_test_51AbCdEfGhIjKlMnOpQr",
  webhookSecret: "whsec_testSecretForTheFakeStripe1234",
});
const { key } = await owner.apiKeys.create({
  name: `guide check ${Date.now()}`,
  scopes: ["products:write", "orders:write", "payments:write", "analytics:read"],
});

// The guide's "SDK" section, as written but for the store's own address.
const store = new BrainSAITStore({ apiKey: key, tenantId, baseURL });

let product;
await step("products.create (the guide's product, Arabic)", async () => {
  product = await store.products.create({
    name: { en: "Digital Marketing Tool", ar: "أداة التسويق الرقمي" },
    description: {
      en: "Comprehensive digital marketing automation",
      ar: "أتمتة شاملة للتسويق الرقمي",
    },
    price: 299.99,
    currency: "SAR",
    category: "software",
    tags: ["marketing", "automation", "digital"],
    status: "active",
    inventory: 5,
  });
  assert.equal(product.name.ar, "أداة التسويق الرقمي");
  assert.equal(product.price, 299.99);
  const again = await store.products.get(product.id);
  assert.equal(again.description.ar, "أتمتة شاملة للتسويق الرقمي");
});

await step("products.list({page, limit, category})", async () => {
  const products = await store.products.list({ page: 1, limit: 20, category: "software" });
  assert.ok(products.data.some((p) => p.id === product.id));
  assert.equal(products.pagination.limit, 20);
});

let order;
await step("orders.create({items: [{productId, quantity}], customerEmail})", async () => {
  order = await store.orders.create({
    items: [{ productId: product.id, quantity: 1 }],
    customerEmail: "customer@example.com",
  });
  assert.equal(order.total, 299.99);
  assert.equal(order.items[0].name.ar, "أداة التسويق الرقمي");
});

await step("payments.createStripeIntent({amount: 299.99, currency, orderId})", async () => {
  const payment = await store.payments.createStripeIntent({
    amount: 299.99,
    currency: "SAR",
    orderId: order.id,
  });
  assert.equal(payment.amount, 29999);
  assert.ok(payment.clientSecret);
  assert.equal(payment.orderId, order.id);
});

await step("mirrored order (the Salesforce sync)", async () => {
  const opp = { Id: `006${Date.now()}`, Amount: 1500 };
  const first = await store.orders.create({
    externalId: opp.Id,
    amount: opp.Amount,
    source: "salesforce",
  });
  const again = await store.orders.create({
    externalId: opp.Id,
    amount: opp.Amount,
    source: "salesforce",
  });
  assert.equal(again.id, first.id);
});

await step("analytics.getOverview({startDate, endDate}), and without a range", async () => {
  const january = await store.analytics.getOverview({
    startDate: "2024-01-01",
    endDate: "2024-01-31",
  });
  assert.equal(january.startDate, "2024-01-01");
  assert.equal(january.revenueTrend.length, 31);
  assert.equal(typeof january.summary.totalRevenue, "number");
  const recent = await store.analytics.getOverview();
  assert.equal(recent.revenueTrend.length, 30);
  // The order placed above (today) is in the last 30 days.
  assert.ok(recent.summary.totalOrders >= 1);
});

await step("errors carry status, type and code", async () => {
  const missing = await store.products.get(crypto.randomUUID()).catch((e) => e);
  assert.ok(missing instanceof StoreApiError);
  assert.deepEqual(
    [missing.status, missing.type, missing.code],
    [404, "not_found_error", "PRODUCT_NOT_FOUND"],
  );
  const invalid = await store.products.create({ name: { en: "Bad" }, price: -1 }).catch((e) => e);
  assert.deepEqual([invalid.status, invalid.code], [422, "VALIDATION_ERROR"]);
  assert.ok(invalid.errors.some((e) => e.field === "price"));
});

await step("verifyWebhook, both schemes", async () => {
  const received = [];
  const receiver = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.end("ok");
    });
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const endpoint = await owner.webhooks.create({
    url: `http://127.0.0.1:${receiver.address().port}/webhook/brainsait`,
    events: ["*"],
  });
  try {
    await owner.webhooks.sendTest(endpoint.id);
  } finally {
    await owner.webhooks.delete(endpoint.id);
    receiver.close();
  }
  const delivery = received.find((r) => r.body.includes('"event":"webhook.test"'));
  assert.ok(delivery, "the test event arrived");
  const event = verifyWebhook({
    secret: endpoint.secret,
    body: delivery.body,
    headers: delivery.headers,
  });
  assert.equal(event.event, "webhook.test");
  const legacyOnly = Object.fromEntries(
    Object.entries(delivery.headers).filter(([k]) => !k.startsWith("webhook-")),
  );
  assert.equal(
    verifyWebhook({ secret: endpoint.secret, body: delivery.body, headers: legacyOnly }).id,
    event.id,
  );
  assert.throws(
    () =>
      verifyWebhook({
        secret: endpoint.secret,
        body: `${delivery.body} `,
        headers: delivery.headers,
      }),
    WebhookVerificationError,
  );
});

await step("an app with a signed account token (docs/clients.md)", async () => {
  const suffix = Date.now().toString(36);
  const developer = await owner.developers.register({
    developerRef: `js-${suffix}`,
    name: "Guide check",
    email: "dev@js.test",
  });
  const { appRef } = await owner.developers.createApp(developer.developerRef, {
    appRef: `js-${suffix}`,
    name: { en: "Labels", ar: "ملصقات" },
    installCallbackUrl: "http://127.0.0.1:9/installed", // nothing listens: the install stands
    scopes: ["products:read"],
  });
  await owner.apps.install(appRef);
  try {
    const [account] = await owner.developers.installedAccounts(developer.developerRef, appRef);
    const app = new BrainSAITStore({
      tenantId,
      baseURL,
      app: {
        developerRef: developer.developerRef,
        appRef,
        accountToken: signToken(developer.developerSecret, account.accountToken),
      },
    });
    assert.ok(Array.isArray((await app.products.list({ limit: 1 })).data));
  } finally {
    await owner.apps.uninstall(appRef);
  }
});

console.log(`guide check: ${steps.length} steps passed\n  ${steps.join("\n  ")}`);
