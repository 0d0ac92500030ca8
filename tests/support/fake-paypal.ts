/**
 * A local stand-in for the parts of PayPal's REST API that our payments module uses, so our own
 * fetch-based PayPal client (base URL overridable) runs its real code paths in tests.
 *
 * Speaks: OAuth client credentials (v1/oauth2/token), Orders v2 (create with PayPal's amount
 * validation, show, capture), Payments v2 (show capture, refund a capture, show refund),
 * PayPal-Request-Id replay, `Prefer: return=minimal|representation`, webhooks with PayPal's
 * headers, verify-webhook-signature, and `/_test/*` control routes (JSON, no auth) for browser
 * tests in another process.
 * Deliberately not: PATCH on orders, AUTHORIZE flows (authorize, void, reauthorize), vaulting,
 * card fields and 3-D Secure, shipping, disputes, webhook registration, webhook retries, real RSA
 * signatures. Webhooks are signed with HMAC-SHA256 under a key only this instance knows, which
 * is enough because the app verifies them by calling this fake back, as it calls PayPal.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import * as zlib from "node:zlib";

/** PayPal's currency list (SAR is not on it). */
const CURRENCIES = new Set(
  "AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS JPY MYR MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD".split(
    " ",
  ),
);
const ZERO_DECIMAL = new Set(["HUF", "JPY", "TWD"]);
const CERT_URL = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-fake";
const AUTH_ALGO = "SHA256withRSA";
const DELIVERY_TIMEOUT_MS = 10_000;
/** The breakdown parts that add up to amount.value, and their sign. */
const BREAKDOWN: [name: string, sign: 1 | -1][] = [
  ["item_total", 1],
  ["tax_total", 1],
  ["shipping", 1],
  ["handling", 1],
  ["insurance", 1],
  ["shipping_discount", -1],
  ["discount", -1],
];

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** JSON parsed (the token request's form as an object); null when absent or malformed. */
  body: unknown;
  raw: string;
}

export interface Money {
  currency_code: string;
  value: string;
}

export interface Link {
  href: string;
  rel: string;
  method: string;
}

export interface Capture {
  id: string;
  status: "COMPLETED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "DECLINED";
  amount: Money;
  final_capture: true;
  seller_protection: { status: string; dispute_categories: string[] };
  seller_receivable_breakdown: { gross_amount: Money; paypal_fee: Money; net_amount: Money };
  custom_id?: string;
  invoice_id?: string;
  links: Link[];
  create_time: string;
  update_time: string;
  supplementary_data: { related_ids: { order_id: string } };
}

export interface Refund {
  id: string;
  status: "COMPLETED";
  amount: Money;
  custom_id?: string;
  invoice_id?: string;
  note_to_payer?: string;
  seller_payable_breakdown: {
    gross_amount: Money;
    paypal_fee: Money;
    net_amount: Money;
    total_refunded_amount: Money;
  };
  links: Link[];
  create_time: string;
  update_time: string;
}

export interface PurchaseUnit {
  reference_id: string;
  custom_id?: string;
  invoice_id?: string;
  description?: string;
  amount: Money & { breakdown?: Record<string, Money> };
  items?: { name: string; quantity: string; unit_amount: Money; sku?: string }[];
  payments?: { captures: Capture[]; refunds?: Refund[] };
}

export interface Order {
  id: string;
  intent: "CAPTURE" | "AUTHORIZE";
  status: "CREATED" | "PAYER_ACTION_REQUIRED" | "APPROVED" | "COMPLETED" | "VOIDED";
  payment_source?: Record<string, unknown>;
  purchase_units: PurchaseUnit[];
  payer?: {
    name: { given_name: string; surname: string };
    email_address: string;
    payer_id: string;
  };
  create_time: string;
  update_time: string;
  links: Link[];
}

export interface WebhookEvent {
  id: string;
  event_version: "1.0";
  create_time: string;
  resource_type: string;
  resource_version: "2.0";
  event_type: string;
  summary: string;
  resource: unknown;
  links: Link[];
}

/** One webhook POST; status 0 when the target did not answer. */
export interface Delivery {
  event_id: string;
  type: string;
  status: number;
}

export interface WebhookTarget {
  url: string;
  webhookId: string;
}

/** "instrument": 422 INSTRUMENT_DECLINED; "processor": 201 with a DECLINED capture (cards). */
export type DeclineKind = "instrument" | "processor";

export interface FakePaypalOptions {
  port?: number;
  tokenTtlSeconds?: number;
  /** Approve links point at this fake, which approves and redirects to the return_url. */
  localApproval?: boolean;
}

export interface FakePaypal {
  url: string;
  port: number;
  close(): Promise<void>;
  requests: RecordedRequest[];
  orders: Map<string, Order>;
  captures: Map<string, Capture>;
  refunds: Map<string, Refund>;
  /** Every event raised, delivered or not. */
  events: WebhookEvent[];
  deliveries: Delivery[];
  rejectClients: Set<string>;
  tokenTtlSeconds: number;
  tokensIssued: number;
  /** Invalidates every token issued so far, so the client must fetch a new one. */
  expireTokens(): void;
  /** The buyer approved the order on PayPal's page. */
  approve(orderId: string): Order;
  declineNextCapture(orderId: string, kind?: DeclineKind): void;
  setWebhookTarget(target: WebhookTarget | null): void;
  event(type: string, resource: unknown): WebhookEvent;
  signedWebhook(
    event: WebhookEvent,
    webhookId: string,
  ): { body: string; headers: Record<string, string> };
  deliver(event: WebhookEvent, target: WebhookTarget): Promise<number>;
  /** The next `times` requests to `path` (no query) answer `status` with `body`. */
  failNext(path: string, status: number, body?: unknown, times?: number): void;
  /** Resolves once the webhooks raised by API calls so far have been delivered. */
  settled(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by a handler to answer with an error; the dispatcher sends its reply. */
class Answer extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

interface State {
  fake: FakePaypal;
  localApproval: boolean;
  /** Signs webhooks; never leaves this process. */
  signingKey: Buffer;
  tokens: Map<string, { clientId: string; expiresAt: number }>;
  /** Resource id -> the client id that made it: other apps get 404. */
  owners: Map<string, string>;
  declines: Map<string, DeclineKind>;
  returnUrls: Map<string, string>;
  /** Capture id -> minor units refunded so far. */
  refunded: Map<string, number>;
  requestIds: Map<string, { endpoint: string; reply: Reply }>;
  failures: Map<string, { status: number; body: unknown; times: number }>;
  target: WebhookTarget | null;
  pending: Set<Promise<void>>;
  aborter: AbortController;
}

interface Call {
  clientId: string;
  body: Record<string, unknown>;
  id: string;
  representation: boolean;
}

type Handler = (s: State, call: Call) => Reply;

const ROUTES: [method: string, pattern: RegExp, handler: Handler][] = [
  ["POST", /^\/v2\/checkout\/orders$/, createOrder],
  ["GET", /^\/v2\/checkout\/orders\/([^/]+)$/, showOrder],
  ["POST", /^\/v2\/checkout\/orders\/([^/]+)\/capture$/, captureOrder],
  ["GET", /^\/v2\/payments\/captures\/([^/]+)$/, showCapture],
  ["POST", /^\/v2\/payments\/captures\/([^/]+)\/refund$/, refundCapture],
  ["GET", /^\/v2\/payments\/refunds\/([^/]+)$/, showRefund],
  ["POST", /^\/v1\/notifications\/verify-webhook-signature$/, verifySignature],
];

const PAYER = {
  name: { given_name: "Test", surname: "Buyer" },
  email_address: "buyer@example.com",
};

export async function startFakePaypal(options: FakePaypalOptions = {}): Promise<FakePaypal> {
  const s: State = {
    fake: undefined as unknown as FakePaypal,
    localApproval: options.localApproval ?? false,
    signingKey: randomBytes(32),
    tokens: new Map(),
    owners: new Map(),
    declines: new Map(),
    returnUrls: new Map(),
    refunded: new Map(),
    requestIds: new Map(),
    failures: new Map(),
    target: null,
    pending: new Set(),
    aborter: new AbortController(),
  };
  const server = createServer((req, res) => {
    handle(s, req, res).catch(() => res.destroy());
  });
  s.fake = {
    url: "",
    port: 0,
    close: () => close(s, server),
    requests: [],
    orders: new Map(),
    captures: new Map(),
    refunds: new Map(),
    events: [],
    deliveries: [],
    rejectClients: new Set(),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 32_400,
    tokensIssued: 0,
    expireTokens: () => s.tokens.clear(),
    approve: (orderId) => approve(s, orderId),
    declineNextCapture: (orderId, kind = "instrument") => declineNextCapture(s, orderId, kind),
    setWebhookTarget: (target) => void (s.target = target),
    event: makeEvent,
    signedWebhook: (event, webhookId) => signedWebhook(s, event, webhookId),
    deliver: (event, target) => deliver(s, event, target),
    failNext: (path, status, body, times = 1) =>
      void s.failures.set(path, { status, body: body ?? internalError(), times }),
    settled: async () => void (await Promise.all(s.pending)),
  };
  s.fake.port = await listen(server, options.port ?? 0);
  s.fake.url = `http://127.0.0.1:${s.fake.port}`;
  return s.fake;
}

/** CRC-32 (IEEE) of the UTF-8 text as an unsigned integer: the last part of PayPal's message. */
export function crc32(text: string): number {
  const data = Buffer.from(text, "utf8");
  // zlib.crc32 arrived in Node 20.15 and 22.2; the engines field allows 20.9.
  return typeof zlib.crc32 === "function" ? zlib.crc32(data) : crc32Table(data);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32Table(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function handle(s: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const path = url.pathname;
  const headers = flatHeaders(req);
  const isToken = path === "/v1/oauth2/token";
  const json = parseJson(raw);
  const body = isToken ? Object.fromEntries(new URLSearchParams(raw)) : json.value;
  const query = Object.fromEntries(url.searchParams);
  s.fake.requests.push({ method, path, query, headers, body, raw });

  const failure = takeFailure(s, path);
  if (failure) return send(res, failure);
  if (path.startsWith("/_test/")) return send(res, control(s, method, path, body));
  if (method === "GET" && path === "/checkoutnow" && s.localApproval) {
    return send(res, localApprove(s, url.searchParams.get("token") ?? ""));
  }
  if (method === "POST" && isToken) return send(res, issueToken(s, headers, raw));
  send(res, api(s, { method, path, headers, json }));
}

function api(
  s: State,
  req: {
    method: string;
    path: string;
    headers: Record<string, string>;
    json: { ok: boolean; value: unknown };
  },
): Reply {
  const clientId = tokenOwner(s, req.headers);
  if (!clientId) {
    const error_description = "Token signature verification failed";
    return { status: 401, body: { error: "invalid_token", error_description } };
  }
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(req.path);
    if (method !== req.method || !match) continue;
    return withRequestId(s, clientId, req, () => {
      if (!req.json.ok) {
        throw issue(400, "MALFORMED_REQUEST_JSON");
      }
      const body = isObject(req.json.value) ? req.json.value : {};
      const representation = (req.headers.prefer ?? "").includes("return=representation");
      const id = decodeURIComponent(match[1] ?? "");
      return handler(s, { clientId, body, id, representation });
    });
  }
  return { status: 404, body: errorBody(404, []) };
}

/** Same PayPal-Request-Id (per app) and endpoint: the first successful answer again. */
function withRequestId(
  s: State,
  clientId: string,
  req: { method: string; path: string; headers: Record<string, string> },
  run: () => Reply,
): Reply {
  const requestId = req.headers["paypal-request-id"];
  const attempt = () => {
    try {
      return snapshot(run());
    } catch (error) {
      if (error instanceof Answer) return error.reply;
      throw error;
    }
  };
  if (req.method !== "POST" || !requestId) return attempt();
  const slot = `${clientId}\n${requestId}`;
  const endpoint = `${req.method} ${req.path}`;
  const seen = s.requestIds.get(slot);
  if (seen && seen.endpoint !== endpoint) {
    return issue(422, "PAYPAL_REQUEST_ID_PREVIOUSLY_USED").reply;
  }
  if (seen) return seen.reply;
  const reply = attempt();
  if (reply.status < 300) s.requestIds.set(slot, { endpoint, reply });
  return reply;
}

// ---- OAuth -----------------------------------------------------------------------------------

function issueToken(s: State, headers: Record<string, string>, raw: string): Reply {
  const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1] ?? "";
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const clientId = colon > 0 ? decoded.slice(0, colon) : "";
  const secret = colon > 0 ? decoded.slice(colon + 1) : "";
  const rejected = [clientId, secret].some((part) => s.fake.rejectClients.has(part));
  if (!clientId || !secret || clientId.includes("bad") || secret.includes("bad") || rejected) {
    const error_description = "Client Authentication failed";
    return { status: 401, body: { error: "invalid_client", error_description } };
  }
  const grantType = new URLSearchParams(raw).get("grant_type");
  if (grantType !== "client_credentials") {
    const error_description = grantType ? "unsupported grant_type" : "Grant Type is NULL";
    return { status: 400, body: { error: "unsupported_grant_type", error_description } };
  }
  const token = `A21AA${randomText(90, URL_SAFE)}`;
  const ttl = s.fake.tokenTtlSeconds;
  s.tokens.set(token, { clientId, expiresAt: Date.now() + ttl * 1000 });
  s.fake.tokensIssued++;
  return ok({
    scope:
      "https://uri.paypal.com/services/payments/payment/authcapture https://uri.paypal.com/services/payments/refund https://uri.paypal.com/services/applications/webhooks openid",
    access_token: token,
    token_type: "Bearer",
    app_id: "APP-80W284485P519543T",
    expires_in: ttl,
    nonce: `${isoNow()}${randomText(43, URL_SAFE)}`,
  });
}

function tokenOwner(s: State, headers: Record<string, string>): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  const issued = token ? s.tokens.get(token) : undefined;
  return issued && issued.expiresAt > Date.now() ? issued.clientId : undefined;
}

// ---- Orders ----------------------------------------------------------------------------------

function createOrder(s: State, { clientId, body, representation }: Call): Reply {
  const intent = body.intent;
  if (intent === undefined) throw missing("/intent");
  if (intent !== "CAPTURE" && intent !== "AUTHORIZE") {
    throw issue(400, "INVALID_PARAMETER_VALUE", "/intent", intent);
  }
  const now = isoNow();
  // With payment_source.paypal, PayPal answers PAYER_ACTION_REQUIRED and a payer-action link.
  const source = isObject(body.payment_source) ? body.payment_source : undefined;
  const order: Order = {
    id: randomText(17, UPPER_ALNUM),
    intent,
    status: isObject(source?.paypal) ? "PAYER_ACTION_REQUIRED" : "CREATED",
    purchase_units: purchaseUnits(body.purchase_units),
    create_time: now,
    update_time: now,
    links: [],
  };
  order.links = orderLinks(s, order);
  s.owners.set(order.id, clientId);
  s.fake.orders.set(order.id, order);
  const returnUrl = findReturnUrl(body);
  if (returnUrl) s.returnUrls.set(order.id, returnUrl);
  const minimal = { id: order.id, status: order.status, links: order.links };
  return { status: 201, body: representation ? order : minimal };
}

function purchaseUnits(value: unknown): PurchaseUnit[] {
  if (!Array.isArray(value) || value.length === 0) throw missing("/purchase_units");
  if (value.length > 10) {
    throw issue(400, "INVALID_ARRAY_MAX_ITEMS", "/purchase_units");
  }
  const units = value.map((unit, i) => purchaseUnit(unit, i));
  const references = units.map((unit) => unit.reference_id);
  if (units.length > 1 && value.some((unit) => !isObject(unit) || !unit.reference_id)) {
    throw issue(422, "REFERENCE_ID_REQUIRED", "/purchase_units");
  }
  if (new Set(references).size !== references.length) {
    throw issue(422, "DUPLICATE_REFERENCE_ID", "/purchase_units");
  }
  return units;
}

function purchaseUnit(value: unknown, index: number): PurchaseUnit {
  if (!isObject(value)) throw syntax(`/purchase_units/${index}`, value);
  const reference = typeof value.reference_id === "string" ? value.reference_id : "default";
  const at = `/purchase_units/@reference_id=='${reference}'`;
  if (value.amount === undefined) throw missing(`${at}/amount`);
  const amount = money(value.amount, `${at}/amount`);
  const unit: PurchaseUnit = { reference_id: reference, amount };
  for (const name of ["custom_id", "invoice_id", "description"] as const) {
    const text = value[name];
    if (text === undefined) continue;
    if (typeof text !== "string") throw syntax(`${at}/${name}`, text);
    if (text.length > 127) {
      throw issue(400, "INVALID_STRING_MAX_LENGTH", `${at}/${name}`, text);
    }
    unit[name] = text;
  }
  const rawBreakdown = (value.amount as Record<string, unknown>).breakdown;
  if (rawBreakdown !== undefined) {
    unit.amount.breakdown = breakdown(rawBreakdown, `${at}/amount/breakdown`);
  }
  if (value.items !== undefined) unit.items = items(value.items, `${at}/items`);
  checkTotals(unit, at);
  return unit;
}

function breakdown(value: unknown, at: string): Record<string, Money> {
  if (!isObject(value)) throw syntax(at, value);
  const parts: Record<string, Money> = {};
  for (const [name] of BREAKDOWN) {
    if (value[name] !== undefined) parts[name] = money(value[name], `${at}/${name}`);
  }
  return parts;
}

function items(value: unknown, at: string): NonNullable<PurchaseUnit["items"]> {
  if (!Array.isArray(value)) throw syntax(at, value);
  return value.map((item: unknown, i) => {
    if (!isObject(item)) throw syntax(`${at}/${i}`, item);
    if (typeof item.name !== "string" || item.name === "") throw missing(`${at}/${i}/name`);
    if (item.quantity === undefined) throw missing(`${at}/${i}/quantity`);
    if (typeof item.quantity !== "string" || !/^[1-9]\d{0,9}$/.test(item.quantity)) {
      throw syntax(`${at}/${i}/quantity`, item.quantity);
    }
    if (item.unit_amount === undefined) throw missing(`${at}/${i}/unit_amount`);
    const unitAmount = money(item.unit_amount, `${at}/${i}/unit_amount`);
    const sku = typeof item.sku === "string" ? { sku: item.sku } : {};
    return { name: item.name, quantity: item.quantity, unit_amount: unitAmount, ...sku };
  });
}

/** PayPal's business checks: items add up to item_total, the breakdown to amount.value. */
function checkTotals(unit: PurchaseUnit, at: string): void {
  const currency = unit.amount.currency_code;
  const parts = unit.amount.breakdown;
  if (unit.items?.length && !parts?.item_total) {
    throw issue(422, "ITEM_TOTAL_REQUIRED", `${at}/amount/breakdown/item_total`);
  }
  if (!parts) return;
  if (unit.items?.length) {
    const sum = unit.items.reduce(
      (total, item) => total + toMinor(item.unit_amount) * Number(item.quantity),
      0,
    );
    if (sum !== toMinor(parts.item_total!)) {
      throw issue(
        422,
        "ITEM_TOTAL_MISMATCH",
        `${at}/amount/breakdown/item_total`,
        parts.item_total!.value,
      );
    }
  }
  const expected = BREAKDOWN.reduce(
    (total, [name, sign]) => total + sign * (parts[name] ? toMinor(parts[name]) : 0),
    0,
  );
  if (expected !== toMinor(unit.amount)) {
    throw issue(422, "AMOUNT_MISMATCH", `${at}/amount/value`, formatMinor(expected, currency));
  }
}

/** A money object as PayPal checks it: schema first (400), then currency and decimals (422). */
function money(value: unknown, at: string): Money {
  if (!isObject(value)) throw syntax(at, value);
  const { currency_code: currency, value: amount } = value;
  if (currency === undefined) throw missing(`${at}/currency_code`);
  if (amount === undefined) throw missing(`${at}/value`);
  if (typeof currency !== "string" || currency.length !== 3) {
    throw syntax(`${at}/currency_code`, currency);
  }
  if (typeof amount !== "string" || !/^(\d+|\d*\.\d+)$/.test(amount) || amount.length > 32) {
    throw syntax(`${at}/value`, amount);
  }
  if (!CURRENCIES.has(currency)) {
    throw issue(422, "CURRENCY_NOT_SUPPORTED", `${at}/currency_code`, currency);
  }
  const decimals = amount.split(".")[1]?.length ?? 0;
  if (decimals > places(currency)) {
    throw issue(422, "DECIMAL_PRECISION", `${at}/value`, amount);
  }
  return { currency_code: currency, value: amount };
}

function findReturnUrl(body: Record<string, unknown>): string | undefined {
  const legacy = isObject(body.application_context) ? body.application_context : {};
  const source = isObject(body.payment_source) ? body.payment_source : {};
  const paypal = isObject(source.paypal) ? source.paypal : {};
  const experience = isObject(paypal.experience_context) ? paypal.experience_context : {};
  const url = experience.return_url ?? legacy.return_url;
  return typeof url === "string" ? url : undefined;
}

function orderLinks(s: State, order: Order): Link[] {
  const self = `${s.fake.url}/v2/checkout/orders/${order.id}`;
  const links: Link[] = [{ href: self, rel: "self", method: "GET" }];
  if (order.status === "CREATED" || order.status === "PAYER_ACTION_REQUIRED") {
    const rel = order.status === "CREATED" ? "approve" : "payer-action";
    links.push({ href: approveUrl(s, order.id), rel, method: "GET" });
  }
  if (order.status !== "COMPLETED" && order.status !== "VOIDED") {
    links.push({ href: self, rel: "update", method: "PATCH" });
    links.push({ href: `${self}/capture`, rel: "capture", method: "POST" });
  }
  return links;
}

function approveUrl(s: State, orderId: string): string {
  const base = s.localApproval ? s.fake.url : "https://www.sandbox.paypal.com";
  return `${base}/checkoutnow?token=${orderId}`;
}

function showOrder(s: State, { clientId, id }: Call): Reply {
  return ok(owned(s, clientId, s.fake.orders, id, "order_id"));
}

function approve(s: State, orderId: string): Order {
  const order = s.fake.orders.get(orderId);
  if (!order) throw new Error(`fake paypal: no order ${orderId}`);
  if (order.status !== "CREATED" && order.status !== "PAYER_ACTION_REQUIRED") {
    throw new Error(`fake paypal: cannot approve a ${order.status} order`);
  }
  const payer = { ...PAYER, payer_id: randomText(13, UPPER_ALNUM) };
  order.payer = payer;
  order.payment_source = {
    paypal: {
      email_address: payer.email_address,
      account_id: payer.payer_id,
      account_status: "VERIFIED",
      name: payer.name,
    },
  };
  setStatus(s, order, "APPROVED");
  return order;
}

/** What PayPal's approve page does: approve, then send the buyer back with token and PayerID. */
function localApprove(s: State, orderId: string): Reply {
  try {
    const order = approve(s, orderId);
    const back = s.returnUrls.get(orderId);
    if (!back) return ok(order);
    const location = new URL(back);
    location.searchParams.set("token", order.id);
    location.searchParams.set("PayerID", order.payer!.payer_id);
    return { status: 302, headers: { location: location.href } };
  } catch (error) {
    return { status: 400, body: { message: (error as Error).message } };
  }
}

function declineNextCapture(s: State, orderId: string, kind: DeclineKind): void {
  if (!s.fake.orders.has(orderId)) throw new Error(`fake paypal: no order ${orderId}`);
  s.declines.set(orderId, kind);
}

function setStatus(s: State, order: Order, status: Order["status"]): void {
  order.status = status;
  order.update_time = isoNow();
  order.links = orderLinks(s, order);
}

function captureOrder(s: State, { clientId, id, representation }: Call): Reply {
  const order = owned(s, clientId, s.fake.orders, id, "order_id");
  if (order.intent !== "CAPTURE") {
    throw issue(422, "ACTION_DOES_NOT_MATCH_INTENT");
  }
  if (order.status === "COMPLETED") {
    throw issue(422, "ORDER_ALREADY_CAPTURED");
  }
  if (order.status !== "APPROVED") {
    throw issue(422, "ORDER_NOT_APPROVED");
  }
  const decline = s.declines.get(order.id);
  s.declines.delete(order.id);
  if (decline === "instrument") throw instrumentDeclined(s, order.id);
  checkInvoiceIds(s, clientId, order);
  const captures = order.purchase_units.map((unit) => {
    const capture = makeCapture(s, order.id, unit, decline ? "DECLINED" : "COMPLETED");
    s.owners.set(capture.id, clientId);
    s.fake.captures.set(capture.id, capture);
    unit.payments = { captures: [capture] };
    return capture;
  });
  setStatus(s, order, "COMPLETED");
  const type = decline ? "PAYMENT.CAPTURE.DECLINED" : "PAYMENT.CAPTURE.COMPLETED";
  captures.forEach((capture) => queue(s, type, capture));
  return { status: 201, body: representation ? order : captureSummary(order) };
}

/** PayPal's minimal capture answer still carries the captures. */
function captureSummary(order: Order) {
  return {
    id: order.id,
    status: order.status,
    payment_source: order.payment_source,
    purchase_units: order.purchase_units.map((unit) => ({
      reference_id: unit.reference_id,
      payments: unit.payments,
    })),
    payer: order.payer,
    links: order.links,
  };
}

function instrumentDeclined(s: State, orderId: string): Answer {
  const redirect = { href: approveUrl(s, orderId), rel: "redirect", method: "GET" };
  return issue(422, "INSTRUMENT_DECLINED", undefined, undefined, [redirect]);
}

/** PayPal's default account setting blocks a second payment with the same invoice id. */
function checkInvoiceIds(s: State, clientId: string, order: Order): void {
  for (const unit of order.purchase_units) {
    const clash = [...s.fake.captures.values()].some(
      (capture) =>
        unit.invoice_id !== undefined &&
        capture.invoice_id === unit.invoice_id &&
        capture.status !== "DECLINED" &&
        s.owners.get(capture.id) === clientId,
    );
    if (clash) {
      throw issue(422, "DUPLICATE_INVOICE_ID");
    }
  }
}

function makeCapture(
  s: State,
  orderId: string,
  unit: PurchaseUnit,
  status: Capture["status"],
): Capture {
  const id = randomText(17, UPPER_ALNUM);
  const now = isoNow();
  const currency = unit.amount.currency_code;
  const gross = toMinor(unit.amount);
  // Roughly PayPal's domestic rate (3.49% + 0.49); only the shape of the breakdown matters here.
  const fee =
    status === "DECLINED"
      ? 0
      : Math.min(gross, Math.round(gross * 0.0349 + 0.49 * 10 ** places(currency)));
  const capture: Capture = {
    id,
    status,
    amount: { currency_code: currency, value: unit.amount.value },
    final_capture: true,
    seller_protection: {
      status: "ELIGIBLE",
      dispute_categories: ["ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION"],
    },
    seller_receivable_breakdown: {
      gross_amount: moneyOf(gross, currency),
      paypal_fee: moneyOf(fee, currency),
      net_amount: moneyOf(gross - fee, currency),
    },
    ...(unit.custom_id !== undefined && { custom_id: unit.custom_id }),
    ...(unit.invoice_id !== undefined && { invoice_id: unit.invoice_id }),
    links: [],
    create_time: now,
    update_time: now,
    supplementary_data: { related_ids: { order_id: orderId } },
  };
  capture.links = captureLinks(s, capture);
  return capture;
}

function captureLinks(s: State, capture: Capture): Link[] {
  const self = `${s.fake.url}/v2/payments/captures/${capture.id}`;
  const orderId = capture.supplementary_data.related_ids.order_id;
  const refundable = capture.status === "COMPLETED" || capture.status === "PARTIALLY_REFUNDED";
  return [
    { href: self, rel: "self", method: "GET" },
    ...(refundable ? [{ href: `${self}/refund`, rel: "refund", method: "POST" }] : []),
    { href: `${s.fake.url}/v2/checkout/orders/${orderId}`, rel: "up", method: "GET" },
  ];
}

// ---- Captures and refunds --------------------------------------------------------------------

function showCapture(s: State, { clientId, id }: Call): Reply {
  return ok(owned(s, clientId, s.fake.captures, id, "capture_id"));
}

function showRefund(s: State, { clientId, id }: Call): Reply {
  return ok(owned(s, clientId, s.fake.refunds, id, "refund_id"));
}

function refundCapture(s: State, { clientId, id, body, representation }: Call): Reply {
  const capture = owned(s, clientId, s.fake.captures, id, "capture_id");
  if (capture.status === "DECLINED") {
    throw issue(422, "REFUND_NOT_ALLOWED");
  }
  const currency = capture.amount.currency_code;
  const before = s.refunded.get(capture.id) ?? 0;
  const remaining = toMinor(capture.amount) - before;
  if (remaining <= 0) {
    throw issue(422, "CAPTURE_FULLY_REFUNDED");
  }
  const amount = body.amount === undefined ? remaining : refundAmount(body.amount, currency);
  if (amount > remaining) {
    throw issue(422, "REFUND_AMOUNT_EXCEEDED", "/amount/value", formatMinor(amount, currency));
  }
  const refund = makeRefund(s, capture, amount, before + amount, body);
  s.owners.set(refund.id, clientId);
  s.fake.refunds.set(refund.id, refund);
  s.refunded.set(capture.id, before + amount);
  capture.status = amount === remaining ? "REFUNDED" : "PARTIALLY_REFUNDED";
  capture.update_time = refund.create_time;
  capture.links = captureLinks(s, capture);
  const unit = s.fake.orders
    .get(capture.supplementary_data.related_ids.order_id)
    ?.purchase_units.find((u) => u.payments?.captures.includes(capture));
  if (unit?.payments) unit.payments.refunds = [...(unit.payments.refunds ?? []), refund];
  queue(s, "PAYMENT.CAPTURE.REFUNDED", refund);
  const minimal = { id: refund.id, status: refund.status, links: refund.links };
  return { status: 201, body: representation ? refund : minimal };
}

function refundAmount(value: unknown, captureCurrency: string): number {
  const amount = money(value, "/amount");
  if (amount.currency_code !== captureCurrency) {
    throw issue(
      422,
      "REFUND_CAPTURE_CURRENCY_MISMATCH",
      "/amount/currency_code",
      amount.currency_code,
    );
  }
  const minor = toMinor(amount);
  if (minor === 0) {
    throw issue(400, "INVALID_PARAMETER_VALUE", "/amount/value", amount.value);
  }
  return minor;
}

function makeRefund(
  s: State,
  capture: Capture,
  amount: number,
  total: number,
  body: Record<string, unknown>,
): Refund {
  const id = randomText(17, UPPER_ALNUM);
  const now = isoNow();
  const currency = capture.amount.currency_code;
  const text = (name: string, fallback?: string) => {
    const value = typeof body[name] === "string" ? body[name] : fallback;
    return value === undefined ? {} : { [name]: value };
  };
  return {
    id,
    status: "COMPLETED",
    amount: moneyOf(amount, currency),
    ...text("custom_id", capture.custom_id),
    ...text("invoice_id", capture.invoice_id),
    ...text("note_to_payer"),
    seller_payable_breakdown: {
      gross_amount: moneyOf(amount, currency),
      paypal_fee: moneyOf(0, currency),
      net_amount: moneyOf(amount, currency),
      total_refunded_amount: moneyOf(total, currency),
    },
    links: [
      { href: `${s.fake.url}/v2/payments/refunds/${id}`, rel: "self", method: "GET" },
      { href: `${s.fake.url}/v2/payments/captures/${capture.id}`, rel: "up", method: "GET" },
    ],
    create_time: now,
    update_time: now,
  };
}

// ---- Webhooks --------------------------------------------------------------------------------

function makeEvent(type: string, resource: unknown): WebhookEvent {
  return {
    id: `WH-${randomText(17, UPPER_ALNUM)}-${randomText(17, UPPER_ALNUM)}`,
    event_version: "1.0",
    create_time: isoNow(),
    resource_type: resourceType(type),
    resource_version: "2.0",
    event_type: type,
    summary: summary(type, resource),
    resource: structuredClone(resource),
    links: [],
  };
}

function resourceType(type: string): string {
  if (type === "PAYMENT.CAPTURE.REFUNDED" || type === "PAYMENT.CAPTURE.REVERSED") return "refund";
  if (type.startsWith("CHECKOUT.ORDER.")) return "checkout-order";
  return type.split(".")[1]?.toLowerCase() ?? "unknown";
}

function summary(type: string, resource: unknown): string {
  const amount = isObject(resource) && isObject(resource.amount) ? resource.amount : {};
  const money = `${String(amount.value ?? "")} ${String(amount.currency_code ?? "")}`;
  if (type === "PAYMENT.CAPTURE.COMPLETED") return `Payment completed for ${money}`;
  if (type === "PAYMENT.CAPTURE.REFUNDED") return `A ${money} capture payment was refunded`;
  if (type === "PAYMENT.CAPTURE.DECLINED") return `A payment capture for ${money} was declined.`;
  return type;
}

/** The message PayPal signs: transmission id, time, webhook id and the body's CRC-32. */
function signature(s: State, id: string, time: string, webhookId: string, body: string): string {
  const message = `${id}|${time}|${webhookId}|${crc32(body)}`;
  return createHmac("sha256", s.signingKey).update(message, "utf8").digest("base64");
}

function signedWebhook(s: State, event: WebhookEvent, webhookId: string) {
  const body = JSON.stringify(event);
  const id = randomUUID();
  const time = isoNow();
  const headers = {
    "content-type": "application/json",
    "paypal-transmission-id": id,
    "paypal-transmission-time": time,
    "paypal-transmission-sig": signature(s, id, time, webhookId, body),
    "paypal-cert-url": CERT_URL,
    "paypal-auth-algo": AUTH_ALGO,
  };
  return { body, headers };
}

const VERIFY_FIELDS = [
  "auth_algo",
  "cert_url",
  "transmission_id",
  "transmission_sig",
  "transmission_time",
  "webhook_id",
] as const;

function verifySignature(s: State, { body }: Call): Reply {
  for (const field of VERIFY_FIELDS) {
    if (typeof body[field] !== "string" || body[field] === "") throw missing(`/${field}`);
  }
  if (!isObject(body.webhook_event)) throw missing("/webhook_event");
  const fields = body as Record<(typeof VERIFY_FIELDS)[number], string>;
  const expected = signature(
    s,
    fields.transmission_id,
    fields.transmission_time,
    fields.webhook_id,
    JSON.stringify(body.webhook_event),
  );
  const matches =
    fields.auth_algo === AUTH_ALGO &&
    fields.cert_url === CERT_URL &&
    sameText(expected, fields.transmission_sig);
  return ok({ verification_status: matches ? "SUCCESS" : "FAILURE" });
}

/** Raises an event and delivers it to the target, if any; resolves when delivered. */
function emit(s: State, type: string, resource: unknown): Promise<void> {
  const event = makeEvent(type, resource);
  s.fake.events.push(event);
  if (!s.target) return Promise.resolve();
  return track(
    s,
    deliver(s, event, s.target).then(() => undefined),
  );
}

/** Like emit, without waiting: PayPal sends webhooks after answering the API call. */
function queue(s: State, type: string, resource: unknown): void {
  const snapshotted = structuredClone(resource);
  const later = new Promise<void>((resolve) => setImmediate(resolve));
  track(
    s,
    later.then(() => emit(s, type, snapshotted)),
  );
}

/** Remembers a delivery in flight, for settled() and close(). */
function track(s: State, delivery: Promise<void>): Promise<void> {
  s.pending.add(delivery);
  void delivery.finally(() => s.pending.delete(delivery));
  return delivery;
}

async function deliver(s: State, event: WebhookEvent, target: WebhookTarget): Promise<number> {
  const { body, headers } = signedWebhook(s, event, target.webhookId);
  let status = 0;
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.any([s.aborter.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    status = 0;
  }
  s.fake.deliveries.push({ event_id: event.id, type: event.event_type, status });
  return status;
}

// ---- Control routes (/_test/*) ---------------------------------------------------------------

function control(s: State, method: string, path: string, body: unknown): Reply {
  const input = isObject(body) ? body : {};
  try {
    if (method === "GET" && path === "/_test/health") return ok({ ok: true });
    if (method === "GET" && path === "/_test/deliveries") return ok(s.fake.deliveries);
    if (method !== "POST")
      return { status: 404, body: { message: `No control route ${method} ${path}` } };
    const orderAction = /^\/_test\/orders\/([^/]+)\/(approve|decline)$/.exec(path);
    if (orderAction) {
      const id = decodeURIComponent(orderAction[1]!);
      if (orderAction[2] === "approve") return ok(approve(s, id));
      declineNextCapture(s, id, input.as === "processor" ? "processor" : "instrument");
      return ok({ ok: true });
    }
    if (path === "/_test/webhook-target") {
      const { url, webhookId } = input;
      s.target =
        typeof url === "string" && typeof webhookId === "string" ? { url, webhookId } : null;
      return ok({ target: s.target });
    }
    if (path === "/_test/expire-tokens") {
      s.fake.expireTokens();
      return ok({ ok: true });
    }
    if (path === "/_test/fail-next") {
      const { path: failPath, status, body: failBody, times } = input;
      if (typeof failPath !== "string" || typeof status !== "number") {
        throw new Error("fail-next needs {path: string, status: number}");
      }
      s.fake.failNext(failPath, status, failBody, typeof times === "number" ? times : 1);
      return ok({ ok: true });
    }
    return { status: 404, body: { message: `No control route ${method} ${path}` } };
  } catch (error) {
    return { status: 400, body: { message: (error as Error).message } };
  }
}

function takeFailure(s: State, path: string): Reply | undefined {
  const failure = s.failures.get(path);
  if (!failure) return undefined;
  if (--failure.times <= 0) s.failures.delete(path);
  return { status: failure.status, body: failure.body };
}

// ---- Errors and answers ----------------------------------------------------------------------

/** PayPal's descriptions of the issues this fake raises, as its API returns them. */
const ISSUES: Record<string, string> = {
  ACTION_DOES_NOT_MATCH_INTENT:
    "Order was created with an intent to 'AUTHORIZE'. Please use v2/checkout/orders/order_id/authorize to complete the transaction or alternately Create an order with an intent of 'CAPTURE'.",
  AMOUNT_MISMATCH:
    "Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.",
  CAPTURE_FULLY_REFUNDED: "The capture has already been fully refunded",
  CURRENCY_NOT_SUPPORTED:
    "Currency code is not currently supported. Please refer https://developer.paypal.com/api/rest/reference/currency-codes/ for list of supported currency codes.",
  DECIMAL_PRECISION:
    "If the currency supports decimals, only two decimal place precision is supported.",
  DUPLICATE_INVOICE_ID:
    "Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.",
  DUPLICATE_REFERENCE_ID: "`reference_id` must be unique if multiple `purchase_unit` are provided.",
  INSTRUMENT_DECLINED:
    "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment.",
  INVALID_ARRAY_MAX_ITEMS: "The number of items in an array parameter is too large.",
  INVALID_RESOURCE_ID:
    "Specified resource ID does not exist. Please check the resource ID and try again.",
  INVALID_PARAMETER_SYNTAX: "The value of a field does not conform to the expected format.",
  INVALID_PARAMETER_VALUE: "The value of a field is invalid.",
  INVALID_STRING_MAX_LENGTH: "The value of a field is too long.",
  ITEM_TOTAL_MISMATCH:
    "Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit",
  ITEM_TOTAL_REQUIRED:
    "If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.",
  MALFORMED_REQUEST_JSON: "The request JSON is not well formed.",
  MISSING_REQUIRED_PARAMETER: "A required field / parameter is missing.",
  ORDER_ALREADY_CAPTURED:
    "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.",
  ORDER_NOT_APPROVED:
    "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
  PAYPAL_REQUEST_ID_PREVIOUSLY_USED:
    "The PayPal-Request-Id has already been used for another request.",
  REFERENCE_ID_REQUIRED:
    "'reference_id' is required for each 'purchase_unit' when multiple purchase units are specified.",
  REFUND_AMOUNT_EXCEEDED:
    "The refund amount must be less than or equal to the capture amount that has not yet been refunded.",
  REFUND_CAPTURE_CURRENCY_MISMATCH: "Refund must be in the same currency as the capture.",
  REFUND_NOT_ALLOWED: "Refund cannot be issued for this capture.",
};

const ERROR_NAMES: Record<number, [name: string, message: string]> = {
  400: [
    "INVALID_REQUEST",
    "Request is not well-formed, syntactically incorrect, or violates schema.",
  ],
  404: ["RESOURCE_NOT_FOUND", "The specified resource does not exist."],
  422: [
    "UNPROCESSABLE_ENTITY",
    "The requested action could not be performed, semantically incorrect, or failed business validation.",
  ],
};

function errorBody(status: number, details: Record<string, unknown>[], links: Link[] = []) {
  const [name, message] = ERROR_NAMES[status] ?? [
    "INTERNAL_SERVER_ERROR",
    "An internal server error has occurred.",
  ];
  return { name, message, debug_id: randomText(13, HEX), details, links };
}

function issue(
  status: 400 | 404 | 422,
  code: string,
  field?: string,
  value?: unknown,
  extraLinks: Link[] = [],
): Answer {
  const detail = {
    ...(field !== undefined && { field }),
    ...(value !== undefined && {
      value: typeof value === "string" ? value : JSON.stringify(value),
    }),
    ...(field !== undefined && { location: "body" }),
    issue: code,
    description: ISSUES[code] ?? code,
  };
  const info = {
    href: `https://developer.paypal.com/docs/api/orders/v2/#error-${code}`,
    rel: "information_link",
    method: "GET",
  };
  return new Answer({ status, body: errorBody(status, [detail], [...extraLinks, info]) });
}

function missing(field: string): Answer {
  return issue(400, "MISSING_REQUIRED_PARAMETER", field);
}

function syntax(field: string, value: unknown): Answer {
  return issue(400, "INVALID_PARAMETER_SYNTAX", field, value);
}

function owned<T>(s: State, clientId: string, map: Map<string, T>, id: string, field: string): T {
  const found = map.get(id);
  if (found && s.owners.get(id) === clientId) return found;
  const detail = {
    field,
    value: id,
    location: "path",
    issue: "INVALID_RESOURCE_ID",
    description: ISSUES.INVALID_RESOURCE_ID,
  };
  throw new Answer({ status: 404, body: errorBody(404, [detail]) });
}

function internalError(): unknown {
  return errorBody(500, [], []);
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** Later changes to stored objects must not alter an answer kept for replay. */
function snapshot(reply: Reply): Reply {
  return { ...reply, body: structuredClone(reply.body) };
}

// ---- Money -----------------------------------------------------------------------------------

function places(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

/** "10.5" USD -> 1050: amounts are compared in minor units, never as floats. */
function toMinor({ currency_code, value }: Money): number {
  const digits = places(currency_code);
  const [whole = "", fraction = ""] = value.split(".");
  return Number(whole || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

function formatMinor(minor: number, currency: string): string {
  const digits = places(currency);
  if (digits === 0) return String(minor);
  const unit = 10 ** digits;
  const sign = minor < 0 ? "-" : "";
  const size = Math.abs(minor);
  return `${sign}${Math.floor(size / unit)}.${String(size % unit).padStart(digits, "0")}`;
}

function moneyOf(minor: number, currency: string): Money {
  return { currency_code: currency, value: formatMinor(minor, currency) };
}

// ---- HTTP plumbing ---------------------------------------------------------------------------

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const headers = {
    "content-type": "application/json",
    "paypal-debug-id": randomText(13, HEX),
    ...reply.headers,
  };
  res
    .writeHead(reply.status, headers)
    .end(reply.body === undefined ? "" : JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** An empty body is valid (capture takes none); ok is false only for malformed JSON. */
function parseJson(raw: string): { ok: boolean; value: unknown } {
  if (raw.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, value: null };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as { port: number }).port;
}

async function close(s: State, server: Server): Promise<void> {
  s.aborter.abort();
  await Promise.allSettled(s.pending);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

const UPPER_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const URL_SAFE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const HEX = "0123456789abcdef";

function randomText(length: number, alphabet: string): string {
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join("");
}

/** PayPal writes times to the second: 2024-05-01T12:00:00Z. */
function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
