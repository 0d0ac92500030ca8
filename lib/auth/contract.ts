import { z } from "@hono/zod-openapi";
import { TenantSchema } from "@/lib/tenants/contract";
import { ROLES } from "@/lib/users/roles";

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
  })
  .openapi("User");

export const LoginRequest = z
  .object({
    email: z.email().max(320).openapi({ example: "owner@demo.test" }),
    password: z.string().min(1).max(1024).openapi({ example: "brainsait-demo" }),
  })
  .openapi("LoginRequest");

export const TokenResponse = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z
      .number()
      .int()
      .openapi({ description: "Seconds until the access token expires", example: 900 }),
    user: UserSchema,
  })
  .openapi("TokenResponse");

export const RefreshRequest = z
  .object({ refresh_token: z.string().min(1).max(512) })
  .openapi("RefreshRequest");

export const LogoutRequest = z
  .object({ refresh_token: z.string().min(1).max(512).optional() })
  .openapi("LogoutRequest");

export const MeResponse = z
  .object({
    user: UserSchema,
    tenant: TenantSchema,
    store_status: z.enum(["active", "suspended"]).openapi({
      description:
        "A suspended store answers 403 STORE_SUSPENDED everywhere but /auth/* and the export",
    }),
  })
  .openapi("Me");

/** What setup and sign-up answer: a sign-in's reply plus the new store. */
export const StoreCreatedResponse = TokenResponse.extend({ store: TenantSchema }).openapi(
  "StoreCreated",
);
