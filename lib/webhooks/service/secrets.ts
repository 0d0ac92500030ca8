import { eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { webhookEndpoints } from "../schema";
import { newSigningSecret } from "../signing";
import { findEndpoint, type WebhookSettings } from "./shared";

const ROTATION_OVERLAP_MS = 24 * 3600_000;

/** The signing secret, for admins (owner, admin); the read is audited. */
export async function revealSecret(ctx: ServiceContext, id: string, s: WebhookSettings) {
  authorize(ctx.actor, "webhooks:write");
  const row = await findEndpoint(ctx.db, ctx, id);
  await recordAudit(ctx.db, ctx, {
    action: "webhook.secret_revealed",
    resourceType: "webhook_endpoint",
    resourceId: id,
  });
  return { secret: decryptSecret(s.encryptionKey, row.secretSealed) };
}

/** A new secret; for 24 hours the old one signs too, so receivers can switch without a gap. */
export async function rotateSecret(ctx: ServiceContext, id: string, s: WebhookSettings) {
  authorize(ctx.actor, "webhooks:write");
  const row = await findEndpoint(ctx.db, ctx, id);
  const secret = newSigningSecret();
  const endsAt = new Date(ctx.now().getTime() + ROTATION_OVERLAP_MS);
  await ctx.db
    .update(webhookEndpoints)
    .set({
      secretSealed: encryptSecret(s.encryptionKey, secret),
      previousSecretSealed: row.secretSealed,
      previousSecretExpiresAt: endsAt,
      updatedAt: ctx.now(),
    })
    .where(eq(webhookEndpoints.id, id));
  await recordAudit(ctx.db, ctx, {
    action: "webhook.secret_rotated",
    resourceType: "webhook_endpoint",
    resourceId: id,
  });
  return { secret, previous_secret_expires_at: endsAt.toISOString() };
}
