import { sha256Hex } from "@/lib/crypto";
import {
  AppError,
  BadRequestError,
  PaymentDeclinedError,
  ProviderError,
  providerNonsense,
} from "@/lib/errors";
import type { PaymentsDeps } from "../deps";

/**
 * PayPal's REST API (OAuth 2 client credentials, Orders v2, Payments v2, webhook verification)
 * over fetch. The official server SDK can only talk to PayPal's two hosts, and our tests need a
 * local one: docs/decisions/0013-payment-providers.md.
 */
export interface PayPalCredentials {
  clientId: string;
  clientSecret: string;
  mode: "sandbox" | "live";
}

const HOSTS = { sandbox: "https://api-m.sandbox.paypal.com", live: "https://api-m.paypal.com" };

/** Access tokens per (host, credentials), kept until a minute before PayPal says they expire. */
const tokens = new Map<string, { token: string; expiresAt: number }>();

export interface PayPalErrorBody {
  name?: string;
  message?: string;
  error?: string;
  error_description?: string;
  details?: { issue?: string; description?: string; field?: string }[];
}

export class PayPalClient {
  private readonly base: string;
  private readonly cacheKey: string;

  constructor(
    private readonly deps: PaymentsDeps,
    private readonly credentials: PayPalCredentials,
  ) {
    this.base = (deps.paypalApiUrl ?? HOSTS[credentials.mode]).replace(/\/$/, "");
    this.cacheKey = sha256Hex(`${this.base}|${credentials.clientId}|${credentials.clientSecret}`);
  }

  /** A token from the cache, or a fresh one (`force` after PayPal said ours expired). */
  async accessToken(force = false): Promise<string> {
    const cached = tokens.get(this.cacheKey);
    if (!force && cached && cached.expiresAt > Date.now()) return cached.token;
    const basic = Buffer.from(
      `${this.credentials.clientId}:${this.credentials.clientSecret}`,
    ).toString("base64");
    const res = await this.fetch("/v1/oauth2/token", {
      method: "POST",
      headers: {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    const body = (await res.json().catch(() => ({}))) as PayPalErrorBody & {
      access_token?: string;
      expires_in?: number;
    };
    if (!res.ok || !body.access_token) throw this.problem(res.status, body);
    const ttl = Math.max(0, (Number(body.expires_in) || 300) - 60) * 1000;
    tokens.set(this.cacheKey, { token: body.access_token, expiresAt: Date.now() + ttl });
    if (tokens.size > 1000) tokens.delete(tokens.keys().next().value!);
    return body.access_token;
  }

  /**
   * One JSON call. `requestId` goes out as PayPal-Request-Id, PayPal's idempotency key. A 401
   * (token expired early or revoked) gets one retry with a new token.
   */
  async call<T>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; requestId?: string } = {},
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        Prefer: "return=representation",
      };
      if (options.requestId) headers["PayPal-Request-Id"] = options.requestId;
      const body =
        options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const res = await this.fetch(path, { method, headers, body });
      const parsed = (await res.json().catch(() => ({}))) as T & PayPalErrorBody;
      if (res.status === 401 && attempt === 0) continue;
      if (!res.ok) throw this.problem(res.status, parsed);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw providerNonsense("PayPal");
      return parsed;
    }
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
    } catch (err) {
      if (err instanceof Error && err.name === "TimeoutError")
        throw new ProviderError(
          504,
          "PROVIDER_TIMEOUT",
          "PayPal did not answer in time; retry shortly",
        );
      throw new ProviderError(
        502,
        "PROVIDER_UNAVAILABLE",
        "PayPal could not be reached; retry shortly",
      );
    }
  }

  /** PayPal's error as ours: declines are 402, bad credentials 502, business rules 422. */
  private problem(status: number, body: PayPalErrorBody): AppError {
    const issue = body.details?.[0]?.issue;
    const description = body.details?.[0]?.description ?? body.message ?? body.error_description;
    if (status === 401 || body.error === "invalid_client") {
      return new ProviderError(
        502,
        "PROVIDER_AUTHENTICATION_FAILED",
        `PayPal rejected this store's client id or secret in ${this.credentials.mode} mode: check them (and the mode) under Settings, Payments`,
      );
    }
    if (issue === "INSTRUMENT_DECLINED" || issue === "PAYER_ACTION_REQUIRED")
      return new PaymentDeclinedError(description ?? "PayPal declined the payment");
    if (status === 429)
      return new ProviderError(503, "PROVIDER_RATE_LIMITED", "PayPal asks us to slow down", 2);
    if (status === 404)
      return new BadRequestError("PayPal does not know this order", "PROVIDER_NOT_FOUND", 404);
    if (status === 400 || status === 422) {
      return new BadRequestError(
        `PayPal refused the request${issue ? ` (${issue})` : ""}${description ? `: ${description}` : ""}`,
        issue ? `PAYPAL_${issue}` : "PROVIDER_REJECTED",
        422,
      );
    }
    return new ProviderError(502, "PROVIDER_UNAVAILABLE", "PayPal had a problem; retry shortly");
  }
}

/** Drops cached tokens (tests; a credentials change makes new cache keys anyway). */
export function forgetPayPalTokens() {
  tokens.clear();
}
