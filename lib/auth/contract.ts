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
    locale: z.enum(["en", "ar"]).optional().openapi({
      description: "The language the person uses the admin in; their email notices follow it",
    }),
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

export const DIGITS = ["latn", "arab"] as const;
export const CALENDARS = ["gregory", "islamic-umalqura"] as const;

/** How the admin shows this person numbers and dates; Intl's own names for the two choices. */
export const DisplayPreferencesSchema = z
  .object({
    digits: z.enum(DIGITS).openapi({
      description: "Digits for numbers, money and dates: Latin (123) or Arabic-Indic (١٢٣)",
      example: "latn",
    }),
    calendar: z.enum(CALENDARS).openapi({
      description: "Calendar for dates: Gregorian or Hijri (Umm al-Qura)",
      example: "gregory",
    }),
  })
  .openapi("DisplayPreferences");

/** A change to some of the preferences; a key left out keeps its value. */
export const DisplayPreferencesUpdate = DisplayPreferencesSchema.partial()
  .strict()
  .openapi("DisplayPreferencesUpdate", {
    example: { digits: "arab", calendar: "islamic-umalqura" },
  });

export const MeResponse = z
  .object({
    user: UserSchema,
    preferences: DisplayPreferencesSchema,
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

export const PasswordResetRequest = z
  .object({
    email: z.email().max(320).openapi({ example: "layla@example.com" }),
    locale: z.enum(["en", "ar"]).optional().openapi({
      description:
        "The language of the email and of the page its link opens (default: the person's own)",
    }),
  })
  .openapi("PasswordResetRequest");

export const PasswordResetAccepted = z
  .object({
    detail: z.string().openapi({
      example:
        "If this email has an account in this store, a link to choose a new password is on its way",
    }),
  })
  .openapi("PasswordResetAccepted");

export const PasswordResetConfirm = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(10, "Use at least 10 characters").max(1024),
    locale: z.enum(["en", "ar"]).optional().openapi({
      description: "The reset page's language: it becomes the person's own, for mail that follows",
    }),
  })
  .openapi("PasswordResetConfirm");
