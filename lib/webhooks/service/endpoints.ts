import { and, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { ServiceContext } from "@/lib/context";
import { encryptSecret } from "@/lib/crypto";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import type { EndpointCreate, EndpointUpdate } from "../contract";
import { webhookEndpoints } from "../schema";
import { newSigningSecret } from "../signing";
import { health, present } from "./present";
import { checkUrl, findEndpoint, type WebhookSettings } from "./shared";

export async function createEndpoint(
  ctx: ServiceContext,
  input: z.infer<typeof EndpointCreate>,
  s: WebhookSettings,
) {
  authorize(ctx.actor, "webhooks:write");
  const url = checkUrl(input.url, s);
  const secret = newSigningSecret();
  const [row] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      tenantId: ctx.tenant.id,
      url,
      description: input.description ?? "",
      events: [...new Set(input.events)],
      enabled: input.enabled ?? true,
      secretSealed: encryptSecret(s.encryptionKey, secret),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx.db, ctx, {
    action: "webhook.created",
    resourceType: "webhook_endpoint",
    resourceId: row!.id,
    metadata: { url },
  });
  return { ...present(row!, undefined, ctx.now()), secret };
}

export async function listEndpoints(ctx: ServiceContext) {
  authorize(ctx.actor, "webhooks:read");
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, ctx.tenant.id))
    .orderBy(webhookEndpoints.createdAt);
  const h = await health(
    ctx.db,
    ctx,
    rows.map((r) => r.id),
  );
  return { data: rows.map((r) => present(r, h.get(r.id), ctx.now())) };
}

export async function getEndpoint(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "webhooks:read");
  const row = await findEndpoint(ctx.db, ctx, id);
  return present(row, (await health(ctx.db, ctx, [id])).get(id), ctx.now());
}

export async function updateEndpoint(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof EndpointUpdate>,
  s: WebhookSettings,
) {
  authorize(ctx.actor, "webhooks:write");
  const current = await findEndpoint(ctx.db, ctx, id);
  const reenabled = input.enabled === true && !current.enabled;
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({
      url: input.url === undefined ? undefined : checkUrl(input.url, s),
      description: input.description,
      events: input.events ? [...new Set(input.events)] : undefined,
      enabled: input.enabled,
      // Turning an endpoint back on starts its failure clock afresh.
      ...(reenabled ? { disabledReason: null, disabledCode: null, failingSince: null } : {}),
      updatedAt: ctx.now(),
    })
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenant.id), eq(webhookEndpoints.id, id)))
    .returning();
  await recordAudit(ctx.db, ctx, {
    action: "webhook.updated",
    resourceType: "webhook_endpoint",
    resourceId: id,
    metadata: { fields: Object.keys(input) },
  });
  return present(row!, (await health(ctx.db, ctx, [id])).get(id), ctx.now());
}

export async function deleteEndpoint(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "webhooks:write");
  await findEndpoint(ctx.db, ctx, id);
  await ctx.db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, ctx.tenant.id), eq(webhookEndpoints.id, id)));
  await recordAudit(ctx.db, ctx, {
    action: "webhook.deleted",
    resourceType: "webhook_endpoint",
    resourceId: id,
  });
}
