import { z } from "@hono/zod-openapi";
import { IsoDateTime } from "@/lib/input";
import { SCOPES } from "@/lib/auth/permissions";

export const API_KEY_STATUSES = ["active", "expiring", "expired", "revoked"] as const;

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ example: "bsk_live_4f9Q" }),
    last4: z.string().openapi({ example: "x7Kp" }),
    scopes: z.array(z.enum(SCOPES)),
    created_by: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    status: z
      .enum(API_KEY_STATUSES)
      .openapi({ description: "expiring: rolled, working until expires_at" }),
  })
  .openapi("ApiKey");

export const ApiKeyWithSecret = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The whole key. Shown once: store it now." }),
}).openapi("ApiKeyWithSecret");

export const ApiKeyCreate = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length),
    expires_at: IsoDateTime.optional().meta({ example: "2027-01-01T00:00:00Z" }),
  })
  .openapi("ApiKeyCreate", {
    example: { name: "WooCommerce sync", scopes: ["products:read", "orders:write"] },
  });

export const ApiKeyRoll = z
  .object({ grace_hours: z.number().int().min(0).max(168).default(24) })
  .openapi("ApiKeyRoll");

export const ApiKeyList = z.object({ data: z.array(ApiKeySchema) }).openapi("ApiKeyList");
