import { hmac } from "fast-sha256";
import { Webhook } from "standardwebhooks";
import type { z } from "zod";
import type {
  DeliveryDetail,
  DeliveryList,
  DeliveryQuery,
  EndpointCreate,
  EndpointSchema,
  EndpointUpdate,
  EndpointWithSecret,
  AttemptSchema,
  RecentEvents,
} from "@/lib/webhooks/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type WebhookEndpoint = Camelize<z.infer<typeof EndpointSchema>>;
export type WebhookAttempt = Camelize<z.infer<typeof AttemptSchema>>;
export type WebhookDelivery = Camelize<z.infer<typeof DeliveryDetail>>;

const id = (value: string) => encodeURIComponent(value);

export class WebhooksResource {
  constructor(private readonly http: HttpClient) {}
  list(): Promise<{ data: WebhookEndpoint[] }> {
    return this.http.request("GET", "/api/v1/webhooks");
  }
  /** The reply's `secret` is the signing secret (also readable later with `secret()`). */
  create(
    input: Camelize<z.input<typeof EndpointCreate>>,
  ): Promise<Camelize<z.infer<typeof EndpointWithSecret>>> {
    return this.http.request("POST", "/api/v1/webhooks", { body: input });
  }
  get(endpointId: string): Promise<WebhookEndpoint> {
    return this.http.request("GET", `/api/v1/webhooks/${id(endpointId)}`);
  }
  update(
    endpointId: string,
    input: Camelize<z.input<typeof EndpointUpdate>>,
  ): Promise<WebhookEndpoint> {
    return this.http.request("PATCH", `/api/v1/webhooks/${id(endpointId)}`, { body: input });
  }
  async delete(endpointId: string): Promise<void> {
    await this.http.request("DELETE", `/api/v1/webhooks/${id(endpointId)}`);
  }
  secret(endpointId: string): Promise<{ secret: string }> {
    return this.http.request("GET", `/api/v1/webhooks/${id(endpointId)}/secret`);
  }
  rotateSecret(endpointId: string): Promise<{ secret: string; previousSecretExpiresAt?: string }> {
    return this.http.request("POST", `/api/v1/webhooks/${id(endpointId)}/rotate-secret`);
  }
  sendTest(endpointId: string): Promise<{ deliveryId: string; attempt: WebhookAttempt }> {
    return this.http.request("POST", `/api/v1/webhooks/${id(endpointId)}/test`);
  }
  deliveries(
    endpointId: string,
    params: Partial<Camelize<z.infer<typeof DeliveryQuery>>> = {},
  ): Promise<Camelize<z.infer<typeof DeliveryList>>> {
    return this.http.request("GET", `/api/v1/webhooks/${id(endpointId)}/deliveries`, {
      query: params,
    });
  }
  delivery(deliveryId: string): Promise<WebhookDelivery> {
    return this.http.request("GET", `/api/v1/webhook-deliveries/${id(deliveryId)}`);
  }
  resend(deliveryId: string): Promise<WebhookAttempt> {
    return this.http.request("POST", `/api/v1/webhook-deliveries/${id(deliveryId)}/resend`);
  }
  recentEvents(): Promise<Camelize<z.infer<typeof RecentEvents>>> {
    return this.http.request("GET", "/api/v1/events/recent");
  }
}

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

export interface WebhookEvent<T = unknown> {
  id: string;
  event: string;
  created_at: string;
  tenant_id: string;
  api_version: string;
  data: T;
}

/**
 * Verifies a delivery from the raw body (the bytes as received, not re-serialized JSON) and
 * returns the parsed event. Prefers the Standard Webhooks headers (webhook-id, -timestamp,
 * -signature: replay-protected, `toleranceSeconds` old at most, either secret during a rotation);
 * falls back to X-Webhook-Signature (sha256=<hex HMAC of the body>).
 */
export function verifyWebhook<T = unknown>(input: {
  secret: string;
  body: string | Uint8Array;
  headers: Record<string, string | string[] | undefined> | Headers;
  toleranceSeconds?: number;
  now?: Date;
}): WebhookEvent<T> {
  const header = (name: string) => {
    if (input.headers instanceof Headers) return input.headers.get(name) ?? undefined;
    const entry = Object.entries(input.headers).find(([k]) => k.toLowerCase() === name);
    const value = entry?.[1];
    return Array.isArray(value) ? value[0] : value;
  };
  const body = typeof input.body === "string" ? input.body : new TextDecoder().decode(input.body);
  const id = header("webhook-id");
  const timestamp = header("webhook-timestamp");
  const signature = header("webhook-signature");
  if (id && timestamp && signature) {
    const seconds = Number(timestamp);
    const now = (input.now ?? new Date()).getTime() / 1000;
    if (!Number.isFinite(seconds) || Math.abs(now - seconds) > (input.toleranceSeconds ?? 300)) {
      throw new WebhookVerificationError(
        "Timestamp outside the tolerance: a replay, or a clock far off",
      );
    }
    // standardwebhooks checks its own 5-minute window against the real clock; ours ran above.
    const wh = new Webhook(input.secret);
    const expected = wh.sign(id, new Date(seconds * 1000), body).split(",")[1]!;
    const given = signature.split(" ").map((s) => s.split(",")[1] ?? "");
    if (!given.some((g) => constantTimeEqual(g, expected))) {
      throw new WebhookVerificationError("No signature matches");
    }
  } else {
    const legacy = header("x-webhook-signature");
    if (!legacy) throw new WebhookVerificationError("No signature headers");
    const encoder = new TextEncoder();
    const digest = hmac(encoder.encode(input.secret), encoder.encode(body));
    const expected = `sha256=${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    if (!constantTimeEqual(legacy, expected)) {
      throw new WebhookVerificationError("Signature does not match");
    }
  }
  return JSON.parse(body) as WebhookEvent<T>;
}

/** Compares without stopping at the first difference (the SDK runs in browsers too: no node:crypto). */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
