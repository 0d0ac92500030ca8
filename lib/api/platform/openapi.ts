import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    detail: z.string(),
    type: z.string(),
    code: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string() }))
      .optional(),
    request_id: z.string().optional(),
  })
  .openapi("Error", {
    example: { detail: "Authentication required", type: "authentication_error", code: "AUTH_001" },
  });

const errorContent = { "application/json": { schema: ErrorSchema } };

/** The error replies every tenant-scoped route can give, for the OpenAPI document. */
export const commonErrors = {
  400: { description: "Bad request (e.g. X-Tenant-ID missing)", content: errorContent },
  401: { description: "Authentication required or failed", content: errorContent },
  403: {
    description: "Not allowed, or the credential belongs to another store",
    content: errorContent,
  },
  404: {
    description: "Not found (TENANT_NOT_FOUND for an unknown X-Tenant-ID)",
    content: errorContent,
  },
  422: { description: "Validation failed; `errors` lists the fields", content: errorContent },
  429: {
    description: "Rate limit exceeded (RATE_LIMIT_EXCEEDED); see Retry-After",
    content: errorContent,
  },
} as const;

export const tenantHeader = z.object({
  "x-tenant-id": z.string().openapi({
    param: {
      name: "x-tenant-id",
      in: "header",
      description: "The store's ID (slug), e.g. X-Tenant-ID: demo",
    },
    example: "demo",
  }),
});

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { "application/json": { schema } }, required: true };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
