import Stripe from "stripe";
import { AppError, BadRequestError, PaymentDeclinedError, ProviderError } from "@/lib/errors";
import type { PaymentsDeps } from "../deps";

export type { Stripe };

/**
 * The official SDK, one client per secret key (it keeps connections alive). STRIPE_API_URL points
 * it at another host (our tests' local server); the code path is the same one that talks to
 * Stripe. The SDK retries network failures itself, with the same idempotency key.
 */
const clients = new Map<string, Stripe>();

export function stripeClient(deps: PaymentsDeps, secretKey: string): Stripe {
  const cacheKey = `${deps.stripeApiUrl ?? ""}|${deps.timeoutMs}|${secretKey}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const target = deps.stripeApiUrl ? new URL(deps.stripeApiUrl) : undefined;
    client = new Stripe(secretKey, {
      maxNetworkRetries: 2,
      timeout: deps.timeoutMs,
      telemetry: false,
      appInfo: { name: "BrainSAIT Store" },
      ...(target && {
        host: target.hostname,
        port: target.port || (target.protocol === "https:" ? 443 : 80),
        protocol: target.protocol === "https:" ? "https" : "http",
      }),
    });
    if (clients.size > 500) clients.clear();
    clients.set(cacheKey, client);
  }
  return client;
}

/** Stripe's error as our {detail, type, code}: what the client can act on, in plain words. */
export function stripeProblem(err: unknown): AppError {
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new ProviderError(502, "PROVIDER_UNAVAILABLE", "Stripe could not be reached");
  }
  const message = err.message || "Stripe refused the request";
  switch (err.type) {
    case "StripeCardError":
      return new PaymentDeclinedError(
        err.decline_code ? `${message} (${err.decline_code})` : message,
        err.code === "card_declined" || !err.code
          ? "PAYMENT_DECLINED"
          : `PAYMENT_${err.code.toUpperCase()}`,
      );
    case "StripeAuthenticationError":
      return new ProviderError(
        502,
        "PROVIDER_AUTHENTICATION_FAILED",
        "Stripe rejected this store's secret key: check it under Settings, Payments",
      );
    case "StripePermissionError":
      return new ProviderError(
        502,
        "PROVIDER_PERMISSION_DENIED",
        "This store's Stripe key may not do this (a restricted key without the permission)",
      );
    case "StripeRateLimitError":
      return new ProviderError(
        503,
        "PROVIDER_RATE_LIMITED",
        "Stripe asks us to slow down; retry shortly",
        2,
      );
    case "StripeIdempotencyError":
      return new BadRequestError(
        "This Idempotency-Key was used with other parameters at Stripe",
        "IDEMPOTENCY_KEY_REUSED",
        409,
      );
    case "StripeInvalidRequestError":
      return new BadRequestError(
        `Stripe refused the request: ${message}`,
        "PROVIDER_REJECTED",
        422,
      );
    case "StripeConnectionError":
      return /timeout|timed out/i.test(message)
        ? new ProviderError(504, "PROVIDER_TIMEOUT", "Stripe did not answer in time; retry shortly")
        : new ProviderError(
            502,
            "PROVIDER_UNAVAILABLE",
            "Stripe could not be reached; retry shortly",
          );
    default:
      return new ProviderError(502, "PROVIDER_UNAVAILABLE", "Stripe had a problem; retry shortly");
  }
}

/** Runs a Stripe call and turns its failures into our errors. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw stripeProblem(err);
  }
}
