import { createHmac, randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** `whsec_` + base64 of 24 random bytes: the form Standard Webhooks libraries accept as is. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** What the integration guide's receivers check: hex HMAC-SHA256 of the raw body, keyed by the secret string. */
export function guideSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** Signers by secret: the library decodes the key when one is made, not at every signature. */
const signers = new Map<string, Webhook>();

function signer(secret: string): Webhook {
  let webhook = signers.get(secret);
  if (!webhook) {
    if (signers.size >= 1024) signers.clear();
    signers.set(secret, (webhook = new Webhook(secret)));
  }
  return webhook;
}

/**
 * The headers of one delivery attempt. `X-Webhook-Signature` is signed with the newest secret;
 * during a rotation `webhook-signature` carries one `v1,...` per live secret, space-separated
 * (Standard Webhooks), so receivers on either secret verify.
 */
export function signedHeaders(input: {
  secrets: string[];
  messageId: string;
  event: string;
  body: string;
  timestamp: Date;
}) {
  const [newest] = input.secrets;
  if (!newest) throw new Error("no signing secret");
  return {
    "Content-Type": "application/json",
    "User-Agent": "BrainSAIT-Webhooks/1",
    "X-Webhook-Event": input.event,
    "X-Webhook-Id": input.messageId,
    "X-Webhook-Signature": guideSignature(newest, input.body),
    "webhook-id": input.messageId,
    "webhook-timestamp": String(Math.floor(input.timestamp.getTime() / 1000)),
    "webhook-signature": input.secrets
      .map((s) => signer(s).sign(input.messageId, input.timestamp, input.body))
      .join(" "),
  };
}

/** The wire body: serialized once, compact, UTF-8 with Arabic as is. */
export function webhookBody(e: {
  id: string;
  event: string;
  createdAt: Date;
  tenantSlug: string;
  apiVersion: string;
  data: unknown;
}): string {
  return JSON.stringify({
    id: e.id,
    event: e.event,
    created_at: e.createdAt.toISOString(),
    tenant_id: e.tenantSlug,
    api_version: e.apiVersion,
    data: e.data,
  });
}
