import { z } from "@hono/zod-openapi";
import { IsoDate } from "@/lib/input";

export const AUDIT_ACTOR_TYPES = ["user", "api_key", "app", "system", "anonymous"] as const;

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    actor: z.object({
      type: z.enum(AUDIT_ACTOR_TYPES),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    action: z.string().openapi({ example: "product.updated" }),
    resource_type: z.string().nullable(),
    resource_id: z.string().nullable(),
    ip: z.string().nullable(),
    request_id: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    created_at: z.string(),
  })
  .openapi("AuditEntry");

export const AuditQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: "Exact action, or a prefix ending in '.' (e.g. product.)" }),
  actor_type: z.enum(AUDIT_ACTOR_TYPES).optional(),
  actor_id: z.string().trim().max(64).optional(),
  resource_type: z.string().trim().max(50).optional(),
  start_date: IsoDate.optional(),
  end_date: IsoDate.optional(),
});

export const AuditList = z
  .object({
    data: z.array(AuditEntrySchema),
    pagination: z.object({
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .openapi("AuditList");
