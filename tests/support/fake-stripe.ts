/**
 * A local stand-in for the parts of Stripe's v1 API that our payments module uses, so the real
 * `stripe` SDK runs its real code paths (form encoding, Idempotency-Key, retries, error classes,
 * webhook signatures) in tests, with no network.
 *
 * Speaks: payment intents (create, optionally confirm with the test methods pm_card_visa,
 * pm_card_chargeDeclined..., retrieve), refunds (create, list), charges and the balance
 * (retrieve), API-key checks, Idempotency-Key replay and conflicts, webhooks signed as Stripe
 * signs them (`t=<ts>,v1=<HMAC-SHA256>`), and `/_test/*` control routes (JSON, no auth) for
 * browser tests in another process.
 * Deliberately not: customers, payment methods as objects, 3-D Secure and next_action, manual
 * capture, cancelling or updating intents, failed charge objects, pagination cursors, Connect,
 * the v2 API, rate limits, webhook retries.
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

const API_VERSION = "2026-10-28.endive";
const MAX_AMOUNT = 99_999_999;
const DELIVERY_TIMEOUT_MS = 10_000;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The form parsed into nested objects (JSON for /_test routes). */
  body: unknown;
  raw: string;
}

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Form = { [key: string]: FormValue };

export interface PaymentError {
  type: "card_error";
  code: string;
  decline_code: string;
  message: string;
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: "requires_payment_method" | "succeeded";
  client_secret: string;
  livemode: boolean;
  metadata: Record<string, string>;
  description: string | null;
  payment_method: string | null;
  automatic_payment_methods: { enabled: boolean };
  latest_charge: string | null;
  last_payment_error: PaymentError | null;
  created: number;
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  refunded: boolean;
  captured: boolean;
  paid: boolean;
  currency: string;
  payment_intent: string;
  metadata: Record<string, string>;
  livemode: boolean;
  status: "succeeded";
  created: number;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  status: "succeeded";
  payment_intent: string;
  charge: string;
  metadata: Record<string, string>;
  reason: string | null;
  created: number;
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  type: string;
  livemode: boolean;
  data: { object: unknown };
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
}

/** One webhook POST; status 0 when the target did not answer. */
export interface Delivery {
  event_id: string;
  type: string;
  status: number;
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface FakeStripeOptions {
  port?: number;
  slowMs?: number;
}

export interface FakeStripe {
  url: string;
  port: number;
  close(): Promise<void>;
  requests: RecordedRequest[];
  intents: Map<string, PaymentIntent>;
  charges: Map<string, Charge>;
  refunds: Map<string, Refund>;
  /** Every event raised, delivered or not. */
  events: StripeEvent[];
  deliveries: Delivery[];
  rejectKeys: Set<string>;
  /** How long keys containing "slow" wait before each answer. */
  slowMs: number;
  succeed(piId: string): Promise<PaymentIntent>;
  fail(piId: string, code?: string): Promise<PaymentIntent>;
  setWebhookTarget(target: WebhookTarget | null): void;
  event(type: string, object: unknown): StripeEvent;
  sign(payload: string, secret: string, timestamp?: number): string;
  deliver(event: StripeEvent, target: WebhookTarget & { timestamp?: number }): Promise<number>;
  /** The next `times` requests to `path` (no query) answer `status` with `body`. */
  failNext(path: string, status: number, body?: unknown, times?: number): void;
  /** Resolves once the webhooks raised by API calls so far have been delivered. */
  settled(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown by a handler to answer with an error; the dispatcher sends its reply. */
class Answer extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

interface State {
  fake: FakeStripe;
  /** Object id -> the API key that made it: other keys get 404, like another account. */
  owners: Map<string, string>;
  idempotent: Map<string, { endpoint: string; params: string; reply: Reply }>;
  failures: Map<string, { status: number; body: unknown; times: number }>;
  target: WebhookTarget | null;
  pending: Set<Promise<void>>;
  aborter: AbortController;
  wakers: Set<() => void>;
}

interface Call {
  key: string;
  params: Form;
  id: string;
}

type Handler = (s: State, call: Call) => Reply;

const ROUTES: [method: string, pattern: RegExp, handler: Handler][] = [
  ["POST", /^\/v1\/payment_intents$/, createIntent],
  ["GET", /^\/v1\/payment_intents\/([^/]+)$/, retrieveIntent],
  ["POST", /^\/v1\/refunds$/, createRefund],
  ["GET", /^\/v1\/refunds$/, listRefunds],
  ["GET", /^\/v1\/charges\/([^/]+)$/, retrieveCharge],
  ["GET", /^\/v1\/balance$/, balance],
];

/** Test payment methods -> the decline they cause (null: the charge succeeds). */
const TEST_METHODS: Record<string, string | null> = {
  pm_card_visa: null,
  pm_card_mastercard: null,
  pm_card_amex: null,
  pm_card_chargeDeclined: "card_declined",
  pm_card_chargeDeclinedInsufficientFunds: "insufficient_funds",
  pm_card_chargeDeclinedExpiredCard: "expired_card",
};

const DECLINES: Record<string, Omit<PaymentError, "type">> = {
  card_declined: {
    code: "card_declined",
    decline_code: "generic_decline",
    message: "Your card was declined.",
  },
  insufficient_funds: {
    code: "card_declined",
    decline_code: "insufficient_funds",
    message: "Your card has insufficient funds.",
  },
  expired_card: {
    code: "expired_card",
    decline_code: "expired_card",
    message: "Your card has expired.",
  },
  incorrect_cvc: {
    code: "incorrect_cvc",
    decline_code: "incorrect_cvc",
    message: "Your card's security code is incorrect.",
  },
};

const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"];

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const s: State = {
    fake: undefined as unknown as FakeStripe,
    owners: new Map(),
    idempotent: new Map(),
    failures: new Map(),
    target: null,
    pending: new Set(),
    aborter: new AbortController(),
    wakers: new Set(),
  };
  const server = createServer((req, res) => {
    handle(s, req, res).catch(() => res.destroy());
  });
  s.fake = {
    url: "",
    port: 0,
    close: () => close(s, server),
    requests: [],
    intents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    events: [],
    deliveries: [],
    rejectKeys: new Set(),
    slowMs: options.slowMs ?? 3000,
    succeed: (piId) => succeed(s, piId),
    fail: (piId, code) => fail(s, piId, code),
    setWebhookTarget: (target) => void (s.target = target),
    event: makeEvent,
    sign: signStripePayload,
    deliver: (event, target) => deliver(s, event, target),
    failNext: (path, status, body, times = 1) =>
      void s.failures.set(path, { status, body: body ?? apiError(), times }),
    settled: async () => void (await Promise.all(s.pending)),
  };
  s.fake.port = await listen(server, options.port ?? 0);
  s.fake.url = `http://127.0.0.1:${s.fake.port}`;
  return s.fake;
}

/** The Stripe-Signature header value for `payload`, computed as Stripe documents it. */
export function signStripePayload(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** Stripe's form encoding: `a[b][c]=1` nests, `list[0]=x` and `list[]=x` make arrays. */
export function parseStripeForm(raw: string): Form {
  const root: Form = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const names = key.replace(/]/g, "").split("[");
    let node = root;
    for (const [i, name] of names.entries()) {
      const slot = name === "" ? String(Object.keys(node).length) : name;
      if (i === names.length - 1) {
        node[slot] = value;
        break;
      }
      const next = node[slot];
      if (typeof next !== "object" || Array.isArray(next)) node[slot] = {};
      node = node[slot] as Form;
    }
  }
  return listify(root) as Form;
}

function listify(value: FormValue, key = ""): FormValue {
  if (typeof value === "string" || Array.isArray(value) || key === "metadata") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, listify(v, k)] as const);
  const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

async function handle(s: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const path = url.pathname;
  const headers = flatHeaders(req);
  const isControl = path.startsWith("/_test/");
  const body = isControl ? parseJson(raw) : parseStripeForm(raw);
  const query = parseStripeForm(url.search.slice(1));
  s.fake.requests.push({ method, path, query, headers, body, raw });

  const failure = takeFailure(s, path);
  if (failure) return send(res, failure);
  if (isControl) return send(res, await control(s, method, path, body));
  const params = method === "GET" ? query : (body as Form);
  send(res, await api(s, { method, path, headers, params }));
}

async function api(
  s: State,
  req: { method: string; path: string; headers: Record<string, string>; params: Form },
): Promise<Reply> {
  const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!key) {
    const message =
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
    return { status: 401, body: { error: { message, type: "invalid_request_error" } } };
  }
  if (!keyAccepted(s, key)) {
    const message = `Invalid API Key provided: ${maskKey(key)}`;
    return { status: 401, body: { error: { message, type: "invalid_request_error" } } };
  }
  const reply = idempotently(s, key, req, () => route(s, key, req));
  // Answer late after doing the work, so a client that timed out can retry with the same key.
  if (key.includes("slow")) await pause(s, s.fake.slowMs);
  return reply;
}

function keyAccepted(s: State, key: string): boolean {
  return /^(sk|rk)_(test|live)_/.test(key) && !key.includes("bad") && !s.fake.rejectKeys.has(key);
}

function maskKey(key: string): string {
  const prefix = /^[a-z]+_[a-z]+_/.exec(key)?.[0] ?? "";
  return `${prefix}****${key.slice(-4)}`;
}

function route(s: State, key: string, req: { method: string; path: string; params: Form }): Reply {
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(req.path);
    if (method !== req.method || !match) continue;
    try {
      const reply = handler(s, { key, params: req.params, id: decodeURIComponent(match[1] ?? "") });
      // A snapshot: later changes to the stored object must not alter a replayed answer.
      return { ...reply, body: structuredClone(reply.body) };
    } catch (error) {
      if (error instanceof Answer) return error.reply;
      throw error;
    }
  }
  const message = `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`;
  return { status: 404, body: { error: { message, type: "invalid_request_error" } } };
}

/**
 * Stripe keeps the first answer per (account, Idempotency-Key) once the endpoint began work
 * (2xx, or a 402 decline); validation failures are not kept, so a corrected retry may reuse it.
 */
function idempotently(
  s: State,
  key: string,
  req: { method: string; path: string; headers: Record<string, string>; params: Form },
  run: () => Reply,
): Reply {
  const idempotencyKey = req.headers["idempotency-key"];
  if (req.method !== "POST" || !idempotencyKey) return run();
  const slot = `${key}\n${idempotencyKey}`;
  const endpoint = `${req.method} ${req.path}`;
  const params = canonicalJson(req.params);
  const echo = { "idempotency-key": idempotencyKey };
  const seen = s.idempotent.get(slot);
  if (seen && seen.endpoint !== endpoint) {
    return idempotencyError(
      `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${endpoint}' vs '${seen.endpoint}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
    );
  }
  if (seen && seen.params !== params) {
    return idempotencyError(
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
    );
  }
  if (seen) return { ...seen.reply, headers: { ...echo, "idempotent-replayed": "true" } };
  const reply = { ...run(), headers: echo };
  if (reply.status < 300 || reply.status === 402)
    s.idempotent.set(slot, { endpoint, params, reply });
  return reply;
}

function idempotencyError(message: string): Reply {
  return { status: 400, body: { error: { type: "idempotency_error", message } } };
}

// ---- Payment intents -------------------------------------------------------------------------

function createIntent(s: State, { key, params }: Call): Reply {
  const amount = integerParam(params, "amount")!;
  if (amount > MAX_AMOUNT) {
    throw invalid("Amount must be no more than $999,999.99", {
      code: "amount_too_large",
      param: "amount",
    });
  }
  const confirm = params.confirm === "true";
  const paymentMethod = stringParam(params, "payment_method");
  const declineCode = confirm ? testMethodOutcome(paymentMethod) : null;
  const id = `pi_${randomText(24)}`;
  const intent: PaymentIntent = {
    id,
    object: "payment_intent",
    amount,
    amount_received: 0,
    currency: currencyParam(params),
    status: "requires_payment_method",
    client_secret: `${id}_secret_${randomText(25)}`,
    livemode: key.includes("_live_"),
    metadata: metadataParam(params),
    description: stringParam(params, "description") ?? null,
    payment_method: paymentMethod ?? null,
    automatic_payment_methods: {
      enabled: nested(params, "automatic_payment_methods", "enabled") !== "false",
    },
    latest_charge: null,
    last_payment_error: null,
    created: nowSeconds(),
  };
  own(s, key, intent.id);
  s.fake.intents.set(intent.id, intent);
  if (!confirm) return ok(intent);
  if (declineCode === null) {
    charge(s, intent);
    queue(s, "payment_intent.succeeded", intent);
    return ok(intent);
  }
  decline(intent, declineCode);
  queue(s, "payment_intent.payment_failed", intent);
  return { status: 402, body: { error: { ...intent.last_payment_error, payment_intent: intent } } };
}

/** Which decline confirming with `method` causes (null: none); unknown methods are a 400. */
function testMethodOutcome(method: string | undefined): string | null {
  if (!method) {
    throw invalid(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      { code: "payment_intent_unexpected_state" },
    );
  }
  const outcome = TEST_METHODS[method];
  if (outcome === undefined) {
    throw invalid(`No such PaymentMethod: '${method}'`, {
      code: "resource_missing",
      param: "payment_method",
    });
  }
  return outcome;
}

function retrieveIntent(s: State, { key, id }: Call): Reply {
  return ok(owned(s, key, s.fake.intents, id, "payment_intent", "intent"));
}

function charge(s: State, intent: PaymentIntent): Charge {
  const created: Charge = {
    id: `ch_${randomText(24)}`,
    object: "charge",
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: 0,
    refunded: false,
    captured: true,
    paid: true,
    currency: intent.currency,
    payment_intent: intent.id,
    metadata: { ...intent.metadata },
    livemode: intent.livemode,
    status: "succeeded",
    created: nowSeconds(),
  };
  s.owners.set(created.id, s.owners.get(intent.id) ?? "");
  s.fake.charges.set(created.id, created);
  Object.assign(intent, {
    status: "succeeded",
    amount_received: intent.amount,
    latest_charge: created.id,
    last_payment_error: null,
  });
  return created;
}

function decline(intent: PaymentIntent, code: string): void {
  const known = DECLINES[code] ?? { code, decline_code: code, message: "Your card was declined." };
  intent.status = "requires_payment_method";
  intent.payment_method = null;
  intent.last_payment_error = { ...known, type: "card_error" };
}

async function succeed(s: State, piId: string): Promise<PaymentIntent> {
  const intent = s.fake.intents.get(piId);
  if (!intent) throw new Error(`fake stripe: no payment intent ${piId}`);
  if (intent.status === "succeeded") throw new Error(`fake stripe: ${piId} already succeeded`);
  charge(s, intent);
  await emit(s, "payment_intent.succeeded", intent);
  return intent;
}

async function fail(s: State, piId: string, code = "card_declined"): Promise<PaymentIntent> {
  const intent = s.fake.intents.get(piId);
  if (!intent) throw new Error(`fake stripe: no payment intent ${piId}`);
  if (intent.status === "succeeded") throw new Error(`fake stripe: ${piId} already succeeded`);
  decline(intent, code);
  await emit(s, "payment_intent.payment_failed", intent);
  return intent;
}

// ---- Refunds, charges, balance ---------------------------------------------------------------

function createRefund(s: State, { key, params }: Call): Reply {
  const { intent, found } = refundSource(s, key, params);
  const paid = intent.latest_charge ? s.fake.charges.get(intent.latest_charge) : undefined;
  if (intent.status !== "succeeded" || !paid) {
    throw invalid("This PaymentIntent does not have a successful charge to refund.", {
      code: "charge_not_found",
      param: found,
    });
  }
  const remaining = paid.amount - paid.amount_refunded;
  if (remaining === 0) {
    throw invalid(`Charge ${paid.id} has already been refunded.`, {
      code: "charge_already_refunded",
    });
  }
  const amount = integerParam(params, "amount", false) ?? remaining;
  if (amount > remaining) {
    throw invalid(
      `Refund amount (${dollars(amount, paid.currency)}) is greater than unrefunded amount on charge (${dollars(remaining, paid.currency)})`,
      { code: "amount_too_large", param: "amount" },
    );
  }
  const refund: Refund = {
    id: `re_${randomText(24)}`,
    object: "refund",
    amount,
    currency: paid.currency,
    status: "succeeded",
    payment_intent: intent.id,
    charge: paid.id,
    metadata: metadataParam(params),
    reason: reasonParam(params),
    created: nowSeconds(),
  };
  own(s, key, refund.id);
  s.fake.refunds.set(refund.id, refund);
  paid.amount_refunded += amount;
  paid.refunded = paid.amount_refunded === paid.amount;
  queue(s, "charge.refunded", paid);
  return ok(refund);
}

/** The intent a refund is for, named by payment_intent or by charge. */
function refundSource(s: State, key: string, params: Form) {
  const piId = stringParam(params, "payment_intent");
  if (piId) {
    const intent = owned(s, key, s.fake.intents, piId, "payment_intent", "payment_intent");
    return { intent, found: "payment_intent" };
  }
  const chargeId = stringParam(params, "charge");
  if (!chargeId) {
    throw invalid(
      "One of the following params should be provided for this request: payment_intent or charge.",
      { code: "parameter_missing" },
    );
  }
  const paid = owned(s, key, s.fake.charges, chargeId, "charge", "charge");
  return { intent: s.fake.intents.get(paid.payment_intent)!, found: "charge" };
}

function reasonParam(params: Form): string | null {
  const reason = stringParam(params, "reason");
  if (reason === undefined) return null;
  if (REFUND_REASONS.includes(reason)) return reason;
  throw invalid("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", {
    code: "parameter_invalid_string",
    param: "reason",
  });
}

function listRefunds(s: State, { key, params }: Call): Reply {
  const limit = integerParam(params, "limit", false) ?? 10;
  if (limit > 100) {
    throw invalid("This value must be less than or equal to 100.", {
      code: "parameter_invalid_integer",
      param: "limit",
    });
  }
  const piId = stringParam(params, "payment_intent");
  const chargeId = stringParam(params, "charge");
  const matching = [...s.fake.refunds.values()]
    .filter((r) => s.owners.get(r.id) === key)
    .filter((r) => (!piId || r.payment_intent === piId) && (!chargeId || r.charge === chargeId))
    .reverse();
  return ok({
    object: "list",
    data: matching.slice(0, limit),
    has_more: matching.length > limit,
    url: "/v1/refunds",
  });
}

function retrieveCharge(s: State, { key, id }: Call): Reply {
  return ok(owned(s, key, s.fake.charges, id, "charge", "id"));
}

function balance(_s: State, { key }: Call): Reply {
  return ok({
    object: "balance",
    livemode: key.includes("_live_"),
    available: [{ amount: 0, currency: "usd" }],
    pending: [],
  });
}

// ---- Parameters ------------------------------------------------------------------------------

function stringParam(params: Form, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string") return value;
  throw invalid(`Invalid string: ${JSON.stringify(value)}`, {
    code: "parameter_invalid_string",
    param: name,
  });
}

function nested(params: Form, name: string, field: string): FormValue | undefined {
  const value = params[name];
  return typeof value === "object" && !Array.isArray(value) ? value[field] : undefined;
}

/** A whole number >= 1, as Stripe wants amounts and limits; undefined only when optional. */
function integerParam(params: Form, name: string, required = true): number | undefined {
  const value = params[name];
  if (value === undefined || value === "") {
    if (!required) return undefined;
    throw invalid(`Missing required param: ${name}.`, { code: "parameter_missing", param: name });
  }
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
    throw invalid(`Invalid integer: ${String(value)}`, {
      code: "parameter_invalid_integer",
      param: name,
    });
  }
  if (Number(value) < 1) {
    throw invalid("This value must be greater than or equal to 1.", {
      code: "parameter_invalid_integer",
      param: name,
    });
  }
  return Number(value);
}

function currencyParam(params: Form): string {
  const value = params.currency;
  if (value === undefined || value === "") {
    throw invalid("Missing required param: currency.", {
      code: "parameter_missing",
      param: "currency",
    });
  }
  if (typeof value !== "string" || !/^[a-zA-Z]{3}$/.test(value)) {
    throw invalid(`Invalid currency: ${String(value).toLowerCase()}.`, { param: "currency" });
  }
  return value.toLowerCase();
}

/** Stripe's metadata limits: 50 keys, keys up to 40 characters, values up to 500. */
function metadataParam(params: Form): Record<string, string> {
  const value = params.metadata;
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalid("Invalid object", { param: "metadata" });
  }
  const entries = Object.entries(value);
  if (entries.length > 50) {
    throw invalid("You can specify up to 50 metadata keys.", { param: "metadata" });
  }
  for (const [k, v] of entries) {
    if (typeof v !== "string") throw invalid("Invalid string", { param: `metadata[${k}]` });
    if (k.length > 40) {
      throw invalid(`Metadata keys can have up to 40 characters, but you passed in '${k}'.`, {
        param: `metadata[${k}]`,
      });
    }
    if (v.length > 500) {
      throw invalid(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters.`,
        { param: `metadata[${k}]` },
      );
    }
  }
  return value as Record<string, string>;
}

// ---- Ownership and answers -------------------------------------------------------------------

function own(s: State, key: string, id: string): void {
  s.owners.set(id, key);
}

function owned<T>(
  s: State,
  key: string,
  map: Map<string, T>,
  id: string,
  kind: string,
  param: string,
): T {
  const found = map.get(id);
  if (found && s.owners.get(id) === key) return found;
  throw invalid(`No such ${kind}: '${id}'`, { code: "resource_missing", param }, 404);
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function invalid(message: string, extra: Record<string, unknown> = {}, status = 400): Answer {
  return new Answer({
    status,
    body: { error: { type: "invalid_request_error", message, ...extra } },
  });
}

function apiError(): unknown {
  return { error: { type: "api_error", message: "An unknown error occurred" } };
}

/** Stripe's refund messages write every currency as dollars; zero-decimal ones without cents. */
function dollars(amount: number, currency: string): string {
  const zeroDecimal = ["jpy", "krw", "vnd", "clp", "isk", "ugx", "xof", "xaf"].includes(currency);
  return zeroDecimal ? `$${amount}` : `$${(amount / 100).toFixed(2)}`;
}

// ---- Events and webhooks ---------------------------------------------------------------------

function makeEvent(type: string, object: unknown): StripeEvent {
  const livemode = (object as { livemode?: unknown } | null)?.livemode === true;
  return {
    id: `evt_${randomText(24)}`,
    object: "event",
    api_version: API_VERSION,
    created: nowSeconds(),
    type,
    livemode,
    data: { object: structuredClone(object) },
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

/** Raises an event and delivers it to the target, if any; resolves when delivered. */
function emit(s: State, type: string, object: unknown): Promise<void> {
  const event = makeEvent(type, object);
  s.fake.events.push(event);
  if (!s.target) return Promise.resolve();
  return track(
    s,
    deliver(s, event, s.target).then(() => undefined),
  );
}

/** Like emit, without waiting: Stripe sends webhooks after answering the API call. */
function queue(s: State, type: string, object: unknown): void {
  const snapshot = structuredClone(object);
  const later = new Promise<void>((resolve) => setImmediate(resolve));
  track(
    s,
    later.then(() => emit(s, type, snapshot)),
  );
}

/** Remembers a delivery in flight, for settled() and close(). */
function track(s: State, delivery: Promise<void>): Promise<void> {
  s.pending.add(delivery);
  void delivery.finally(() => s.pending.delete(delivery));
  return delivery;
}

async function deliver(
  s: State,
  event: StripeEvent,
  target: WebhookTarget & { timestamp?: number },
): Promise<number> {
  const payload = JSON.stringify(event);
  let status = 0;
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signStripePayload(payload, target.secret, target.timestamp),
      },
      body: payload,
      signal: AbortSignal.any([s.aborter.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    status = 0;
  }
  s.fake.deliveries.push({ event_id: event.id, type: event.type, status });
  return status;
}

// ---- Control routes (/_test/*) ---------------------------------------------------------------

async function control(s: State, method: string, path: string, body: unknown): Promise<Reply> {
  const input = (body ?? {}) as Record<string, unknown>;
  try {
    if (method === "GET" && path === "/_test/health") return ok({ ok: true });
    if (method === "GET" && path === "/_test/deliveries") return ok(s.fake.deliveries);
    const intentAction = /^\/_test\/payment_intents\/([^/]+)\/(succeed|fail)$/.exec(path);
    if (method === "POST" && intentAction) {
      const id = decodeURIComponent(intentAction[1]!);
      const code = typeof input.code === "string" ? input.code : undefined;
      return ok(intentAction[2] === "succeed" ? await succeed(s, id) : await fail(s, id, code));
    }
    if (method === "POST" && path === "/_test/webhook-target") {
      const { url, secret } = input;
      s.target = typeof url === "string" && typeof secret === "string" ? { url, secret } : null;
      return ok({ target: s.target });
    }
    if (method === "POST" && path === "/_test/fail-next") {
      const { path: failPath, status, body: failBody, times } = input;
      if (typeof failPath !== "string" || typeof status !== "number") {
        throw new Error("fail-next needs {path: string, status: number}");
      }
      s.fake.failNext(failPath, status, failBody, typeof times === "number" ? times : 1);
      return ok({ ok: true });
    }
    return { status: 404, body: { error: { message: `No control route ${method} ${path}` } } };
  } catch (error) {
    return { status: 400, body: { error: { message: (error as Error).message } } };
  }
}

function takeFailure(s: State, path: string): Reply | undefined {
  const failure = s.failures.get(path);
  if (!failure) return undefined;
  if (--failure.times <= 0) s.failures.delete(path);
  return { status: failure.status, body: failure.body };
}

// ---- HTTP plumbing ---------------------------------------------------------------------------

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  res
    .writeHead(reply.status, {
      "content-type": "application/json",
      "request-id": `req_${randomText(14)}`,
      "stripe-version": API_VERSION,
      ...reply.headers,
    })
    .end(JSON.stringify(reply.body, null, 2));
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

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** JSON with object keys sorted, so equal parameters compare equal in any order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function pause(s: State, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(wake, ms);
    s.wakers.add(wake);
    function wake() {
      clearTimeout(timer);
      s.wakers.delete(wake);
      resolve();
    }
  });
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
  s.wakers.forEach((wake) => wake());
  await Promise.allSettled(s.pending);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomText(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
