import { randomUUID } from "node:crypto";
import { signToken } from "@/lib/apps/signing";
import type { Tenant } from "@/lib/tenants/schema";
import type { User } from "@/lib/users/schema";
import { createTenant, createUser, login, type TestApi } from "../api/harness";
import { startReceiver } from "../api/webhook-receiver";
import { PAYPAL_KEYS, STRIPE_KEYS } from "../api/payments-helpers";
import type { Alternatives, BaseRequest } from "./mutate";
import { validBody } from "./bodies";
import type { Operation } from "./spec";

/**
 * A store with one of everything, made through the API, so every operation has a valid request
 * with real ids; and a second store whose credentials and ids the mutations borrow.
 */
type Json = Record<string, unknown>;

// A 1x1 PNG, for the image and logo uploads.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export async function createWorld(t: TestApi) {
  let seq = 0;
  const next = () => `${Date.now().toString(36)}${seq++}`;
  const a: Tenant = await createTenant(t, {
    currency: "USD",
    vatRateBp: 0,
    pricesIncludeVat: true,
  });
  const b: Tenant = await createTenant(t);
  const owner = await createUser(t, a, { role: "owner" });
  const staff = await createUser(t, a, { role: "staff" });
  const loginUser = await createUser(t, a, { role: "viewer" });
  const sessionUser = await createUser(t, a, { role: "viewer" });
  const ownerToken = (await login(t, a, owner)).access_token;
  const staffToken = (await login(t, a, staff)).access_token;
  const ownerB = (await login(t, b, await createUser(t, b))).access_token;
  const session = { refresh: (await login(t, a, sessionUser)).refresh_token, logout: "" };
  const ownerHeaders = { "x-tenant-id": a.slug, authorization: `Bearer ${ownerToken}` };

  let ip = 0;
  const send = (method: string, path: string, json?: unknown, headers = ownerHeaders) =>
    t.api.request(path, {
      method,
      headers: {
        ...headers,
        "x-forwarded-for": `10.9.${Math.floor(ip / 250) % 250}.${(ip++ % 250) + 1}`,
        ...(json === undefined ? {} : { "content-type": "application/json" }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  const call = async (method: string, path: string, json?: unknown, headers = ownerHeaders) => {
    const res = await send(method, path, json, headers);
    if (res.status >= 300)
      throw new Error(`seed ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as Json);
  };
  const id = (r: Json) => String(r.id);

  await call("PUT", "/api/v1/payments/settings/stripe", STRIPE_KEYS);
  await call("PUT", "/api/v1/payments/settings/paypal", PAYPAL_KEYS);
  const manual = { instructions: { en: "Pay to IBAN SA00 0000", ar: "ادفع إلى الحساب" } };
  await call("PUT", "/api/v1/payments/settings/manual", manual);

  const product = (name = "Fuzz tool") =>
    call("POST", "/api/v1/store/products", {
      name: { en: name, ar: "أداة" },
      price: 10,
      status: "active",
      inventory: 1_000_000,
    }).then(id);
  const productB = id(
    await call(
      "POST",
      "/api/v1/store/products",
      { name: { en: "B" }, price: 1 },
      {
        "x-tenant-id": b.slug,
        authorization: `Bearer ${ownerB}`,
      },
    ),
  );
  const apiKey = async () => {
    const r = await call("POST", "/api/v1/api-keys", {
      name: `k${next()}`,
      scopes: ["products:read"],
    });
    return { id: id(r), key: String(r.key) };
  };
  // A local receiver, so a test delivery succeeds and leaves a delivery to read and resend.
  const receiver = await startReceiver();
  const webhook = async () =>
    id(await call("POST", "/api/v1/webhooks", { url: receiver.url, events: ["*"] }));
  const invitation = async () => {
    const r = await call("POST", "/api/v1/users/invitations", {
      email: `i${next()}@example.test`,
      role: "staff",
    });
    const token = new URL(String(r.accept_url)).searchParams.get("token")!;
    return { id: id(r.invitation as Json), token };
  };

  const ids = {
    product: await product(),
    deletable: await product("Deletable"),
    bulk: await product("Bulk"),
    order: "",
    paid: "",
    payment: "",
    invoice: "",
    invoiceToken: "",
    checkoutToken: "",
    webhook: await webhook(),
    delivery: randomUUID() as string,
    key: await apiKey(),
    invitation: await invitation(),
    /** Previewed and accepted (POST /auth/invitation, /auth/accept-invitation). */
    accept: await invitation(),
  };
  const openOrder = async () =>
    id(
      await call("POST", "/api/v1/store/orders", {
        items: [{ product_id: ids.product, quantity: 1 }],
        customer_email: "buyer@example.com",
      }),
    );
  ids.order = await openOrder();
  // A paid order, for the invoice and for refunds (the main order stays open for payments).
  const paid = (ids.paid = id(
    await call("POST", "/api/v1/store/orders", {
      items: [{ product_id: ids.product, quantity: 1 }],
    }),
  ));
  ids.payment = id(
    await call("POST", "/api/v1/payments/manual", { order_id: paid, method: "bank_transfer" }),
  );
  const checkoutLink = async () =>
    (ids.checkoutToken = String(
      (await call("POST", `/api/v1/payments/checkout-links/${ids.order}`)).token,
    ));
  await checkoutLink();
  const invoice = await call("POST", `/api/v1/store/orders/${paid}/invoices`);
  ids.invoice = id(invoice);
  ids.invoiceToken = String(invoice.customer_url).split("/").pop()!;
  const test = await send("POST", `/api/v1/webhooks/${ids.webhook}/test`);
  if (test.status !== 200)
    throw new Error(`seed webhook test: ${test.status} ${await test.text()}`);
  ids.delivery = String(((await test.json()) as Json).delivery_id);

  const dev = await call("POST", "/api/v1/developers", {
    developer_ref: `dev${next()}`,
    name: "Fuzz Apps",
    email: "dev@fuzz.example",
  });
  const developer = {
    ref: String(dev.developer_ref),
    secret: String(dev.developer_secret),
    token: String(dev.developer_token),
    app: `app${next()}`,
  };
  await call("POST", `/api/v1/developers/${developer.ref}/apps`, {
    app_ref: developer.app,
    name: { en: "Fuzz app", ar: "تطبيق" },
    description: "Fuzzing",
    install_callback_url: "https://example.com/install",
    scopes: ["products:read"],
    kind: "staff",
  });
  const install = () => send("POST", `/api/v1/apps/${developer.app}/install`);
  await install();
  const appStaff = () => send("PUT", `/api/v1/apps/${developer.app}/staff/${staff.id}`);
  await appStaff();

  const csv = await (await send("GET", "/api/v1/store/products/export")).text();
  const form = new FormData();
  form.set("file", new Blob([PNG], { type: "image/png" }), "pixel.png");
  const multipart = new Response(form);
  const upload = {
    bytes: new Uint8Array(await multipart.arrayBuffer()),
    type: multipart.headers.get("content-type")!,
  };

  const newLogoutSession = async () => {
    session.logout = (await login(t, a, sessionUser)).refresh_token;
  };
  await newLogoutSession();

  function param(op: Operation, name: string): string {
    const p = op.path;
    if (name === "account") return a.slug;
    if (name === "ref") return developer.ref;
    if (name === "app_ref") return developer.app;
    if (name === "user_id") return staff.id;
    if (name === "order_id") return ids.order;
    if (op.path.endsWith("/{id}/invoices")) return ids.paid;
    if (name === "paypal_order_id") return "5O190127TN364715T";
    if (name === "provider") return op.method === "DELETE" ? "paypal" : "stripe";
    if (p.startsWith("/api/v1/invoice-links/")) return ids.invoiceToken;
    if (p.startsWith("/api/v1/checkout/")) return ids.checkoutToken;
    if (p.startsWith("/api/v1/store/products/"))
      return op.method === "DELETE" ? ids.deletable : ids.product;
    if (p.startsWith("/api/v1/store/orders/")) return ids.order;
    if (p.startsWith("/api/v1/invoices/")) return ids.invoice;
    if (p.startsWith("/api/v1/payments/")) return ids.payment;
    if (p.startsWith("/api/v1/api-keys/")) return ids.key.id;
    if (p.startsWith("/api/v1/users/invitations/")) return ids.invitation.id;
    if (p.startsWith("/api/v1/users/")) return staff.id;
    if (p.startsWith("/api/v1/webhooks/")) return ids.webhook;
    if (p.startsWith("/api/v1/webhook-deliveries/")) return ids.delivery;
    return randomUUID();
  }

  function base(op: Operation): BaseRequest {
    const headers: Record<string, string> = {};
    const schemes = op.security.flat();
    if (
      op.path !== "/health" &&
      !op.path.startsWith("/api/v1/checkout/") &&
      !op.path.startsWith("/api/v1/invoice-links/")
    ) {
      headers["x-tenant-id"] = a.slug;
    }
    if (schemes.includes("bearerAuth")) headers.authorization = `Bearer ${ownerToken}`;
    else if (schemes.includes("developerToken")) {
      headers["brainsait-dev-ref"] = developer.ref;
      headers["brainsait-dev-token"] = signToken(developer.secret, developer.token);
    } else if (schemes.includes("appRef")) {
      headers["brainsait-dev-ref"] = developer.ref;
      headers["brainsait-app-ref"] = developer.app;
    }
    const request: BaseRequest = {
      method: op.method,
      path: op.path,
      params: Object.fromEntries(op.pathParams.map((n) => [n, param(op, n)])),
      query: op.key === "GET /api/v1/stores/slug-availability" ? { slug: "free-slug" } : {},
      headers,
    };
    if (op.bodyType === "text/csv") {
      request.bytes = new TextEncoder().encode(csv);
      headers["content-type"] = "text/csv";
    } else if (op.bodyType === "multipart/form-data") {
      request.bytes = upload.bytes;
      headers["content-type"] = upload.type;
    } else {
      request.json = validBody(op, { ids, owner, loginUser, staff, session, manual, next });
      if (request.json !== undefined) headers["content-type"] = "application/json";
    }
    return request;
  }

  /** After a request that succeeded, puts back what it used up, so the next case has it again. */
  /**
   * `sent` is how the request went out: a GET mutated into a DELETE uses up what it names too.
   */
  async function repair(op: Operation, sent: { method: string; url: string }, res: Response) {
    const reply = async () =>
      (await res
        .clone()
        .json()
        .catch(() => ({}))) as Json;
    switch (`${sent.method} ${op.path}`) {
      case "DELETE /api/v1/store/products/{id}":
        if (sent.url.includes(ids.product)) ids.product = await product();
        else ids.deletable = await product("Deletable");
        break;
      case "POST /api/v1/payments/manual": {
        // A payment without an amount pays what the order owes: the next cases need an open one.
        const order = (await call("GET", `/api/v1/store/orders/${ids.order}`)) as Json;
        if (order.status !== "pending") {
          ids.order = await openOrder();
          await checkoutLink();
        }
        break;
      }
      case "DELETE /api/v1/webhooks/{id}":
        ids.webhook = await webhook();
        break;
      case "DELETE /api/v1/api-keys/{id}":
      case "POST /api/v1/api-keys/{id}/roll":
        ids.key = await apiKey();
        break;
      case "DELETE /api/v1/users/invitations/{id}":
        ids.invitation = await invitation();
        break;
      case "POST /api/v1/auth/accept-invitation":
        ids.accept = await invitation();
        break;
      case "DELETE /api/v1/payments/checkout-links/{order_id}":
        await checkoutLink();
        break;
      case "DELETE /api/v1/payments/settings/{provider}":
        await call("PUT", "/api/v1/payments/settings/paypal", PAYPAL_KEYS);
        break;
      case "POST /api/v1/developers/{ref}/rotate-secret":
        developer.secret = String((await reply()).developer_secret);
        break;
      case "DELETE /api/v1/apps/{app_ref}/install":
        await install();
        await appStaff();
        break;
      case "DELETE /api/v1/apps/{app_ref}/staff/{user_id}":
        await appStaff();
        break;
      case "POST /api/v1/auth/refresh":
        session.refresh = String((await reply()).refresh_token);
        break;
      case "POST /api/v1/auth/logout":
        await newLogoutSession();
        break;
    }
  }

  const alt: Alternatives = {
    headers: {
      authorization: [
        `Bearer ${ownerB}`,
        `Bearer ${staffToken}`,
        `Bearer ${ids.key.key}`,
        `Bearer ${session.refresh}`,
        `bearer ${ownerToken}`,
        `Bearer ${ownerToken}x`,
      ],
      "x-tenant-id": [
        b.slug,
        a.slug.toUpperCase(),
        ` ${a.slug} `,
        "no-such-store",
        `${a.slug}\u00e9`,
      ],
      "brainsait-dev-ref": [developer.ref, "nobody"],
    },
    // Ids of another store, or of another kind in this one (none a DELETE of its kind could use up).
    ids: [productB, ids.order, ids.invoice, ids.payment, staff.id, randomUUID()],
  };

  return {
    tenantIds: [a.id, b.id],
    base,
    repair,
    alt,
    owner: owner as User,
    close: () => receiver.close(),
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
