// What the verbs share: the settings they take, the URL check and the row lookups.
import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { webhookDeliveries, webhookEndpoints } from "../schema";
import { checkUrlForm, UnsafeUrlError } from "../sender";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebhookSettings {
  encryptionKey: Buffer;
  allowPrivate: boolean;
}

export function checkUrl(url: string, s: WebhookSettings) {
  try {
    return checkUrlForm(url, s.allowPrivate).toString();
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw new ValidationError("The endpoint URL cannot be used", [
      { field: "url", code: "unsafe_url", message: err.message },
    ]);
  }
}

export async function findEndpoint(db: Db, ctx: ServiceContext, id: string): Promise<EndpointRow> {
  if (!UUID.test(id)) throw new NotFoundError("Webhook endpoint not found", "WEBHOOK_NOT_FOUND");
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenant.id), eq(webhookEndpoints.id, id)));
  if (!row) throw new NotFoundError("Webhook endpoint not found", "WEBHOOK_NOT_FOUND");
  return row;
}

export async function findDelivery(ctx: ServiceContext, id: string) {
  if (!UUID.test(id)) throw new NotFoundError("Delivery not found", "DELIVERY_NOT_FOUND");
  const [row] = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, ctx.tenant.id), eq(webhookDeliveries.id, id)));
  if (!row) throw new NotFoundError("Delivery not found", "DELIVERY_NOT_FOUND");
  return row;
}
