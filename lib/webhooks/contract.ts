import { z } from "@hono/zod-openapi";
import { EVENTS } from "@/lib/events/catalogue";
import { IsoDate } from "@/lib/input";

/** The subscribable events: the catalogue's names (lib/events/catalogue.ts). */
export const WEBHOOK_EVENTS = EVENTS;

/** Why the delivery engine disabled an endpoint: 410 Gone, or 5 days of failures. */
export const ENDPOINT_DISABLED_CODES = ["receiver_gone", "failing_for_5_days"] as const;
export type EndpointDisabledCode = (typeof ENDPOINT_DISABLED_CODES)[number];

export const EndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable(),
    disabled_code: z.enum(ENDPOINT_DISABLED_CODES).nullable().openapi({
      description: "Set when deliveries disabled the endpoint; null when a person turned it off",
    }),
    secret_rotation_ends_at: z
      .string()
      .nullable()
      .openapi({ description: "Until then the previous secret signs too" }),
    health: z.object({
      deliveries_24h: z.number().int(),
      succeeded_24h: z.number().int(),
      success_rate_24h: z.number().nullable(),
      last_failure_at: z.string().nullable(),
      failing_since: z.string().nullable(),
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("WebhookEndpoint");

export const EndpointWithSecret = EndpointSchema.extend({ secret: z.string() }).openapi(
  "WebhookEndpointWithSecret",
);

const Events = z
  .array(z.union([z.enum(WEBHOOK_EVENTS), z.literal("*")]))
  .min(1)
  .max(WEBHOOK_EVENTS.length + 1);

export const EndpointCreate = z
  .object({
    url: z.string().trim().max(2048),
    description: z.string().trim().max(500).optional(),
    events: Events,
    enabled: z.boolean().optional(),
  })
  .openapi("WebhookEndpointCreate", {
    example: {
      url: "https://example.com/webhook/brainsait",
      events: ["order.created", "payment.completed"],
    },
  });

export const EndpointUpdate = EndpointCreate.partial().openapi("WebhookEndpointUpdate");

export const AttemptSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    request_headers: z.record(z.string(), z.string()),
    response_status: z.number().int().nullable(),
    response_body: z.string().nullable().openapi({ description: "The first 2 KiB of the reply" }),
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    created_at: z.string(),
  })
  .openapi("WebhookAttempt");

export const DeliverySchema = z
  .object({
    id: z.uuid(),
    endpoint_id: z.uuid(),
    event_id: z.uuid(),
    event: z.string(),
    status: z.enum(["pending", "succeeded", "failed", "cancelled"]),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    created_at: z.string(),
    completed_at: z.string().nullable(),
  })
  .openapi("WebhookDelivery");

export const DeliveryDetail = DeliverySchema.extend({
  body: z.string(),
  attempt_log: z.array(AttemptSchema),
}).openapi("WebhookDeliveryDetail");

export const DeliveryQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  event: z.string().trim().max(60).optional(),
  status: z.enum(["pending", "succeeded", "failed", "cancelled"]).optional(),
  start_date: IsoDate.optional(),
  end_date: IsoDate.optional(),
});

export const DeliveryList = z
  .object({
    data: z.array(DeliverySchema),
    pagination: z.object({
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .openapi("WebhookDeliveryList");

export const RecentEvents = z
  .object({
    data: z.array(
      z.object({
        id: z.uuid(),
        event: z.string(),
        created_at: z.string(),
        summary: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi("RecentEvents");
