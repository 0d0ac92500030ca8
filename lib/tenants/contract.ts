import { z } from "@hono/zod-openapi";
import { StoreSettingsFields } from "./fields";
import { VAT_NUMBER_CHARACTERS } from "./vat-number";

export const BilingualText = z.object({ en: z.string(), ar: z.string() }).openapi("BilingualText", {
  example: { en: "BrainSAIT Demo Store", ar: "متجر برينسايت التجريبي" },
});

export const TenantSchema = z
  .object({
    id: z.uuid(),
    slug: z.string().openapi({ example: "demo", description: "Send it as X-Tenant-ID" }),
    name: BilingualText,
    currency: z.string().length(3).openapi({ example: "SAR" }),
    time_zone: z.string().openapi({ example: "Asia/Riyadh" }),
    vat_rate: z.number().openapi({ example: 15, description: "Percent" }),
    prices_include_vat: z.boolean(),
    default_locale: z.enum(["en", "ar"]),
    vat_number: z.string().nullable(),
    logo_url: z.string().nullable(),
  })
  .openapi("Tenant");

export const StoreSettingsUpdate = z
  .object(StoreSettingsFields.shape)
  .openapi("StoreSettingsUpdate");

// --- First-run setup, sign-up, store IDs (lib/tenants/setup-routes.ts) ---

const Slug = z.string().max(100).openapi({
  example: "acme",
  description:
    "The store ID, sent as X-Tenant-ID: 3-40 lower-case letters, digits and hyphens; it cannot be changed later",
});
const StoreName = z.object({
  en: z.string().trim().min(1).max(100),
  ar: z.string().trim().min(1).max(100),
});
const Owner = z.object({
  name: z.string().trim().min(1).max(100).openapi({ example: "Sara Al-Qahtani" }),
  email: z.email().max(320).openapi({ example: "owner@acme.example" }),
  password: z.string().min(10, "Use at least 10 characters").max(1024),
});

export const SetupStatus = z
  .object({
    needed: z.boolean().openapi({ description: "True while the installation holds no store" }),
    signup: z.enum(["open", "closed"]),
    mail: z.enum(["on", "off"]).openapi({
      description: "Whether this server sends email (SMTP_URL): invitations and password resets",
    }),
  })
  .openapi("SetupStatus");

export const SetupRequest = z
  .object({
    setup_code: z
      .string()
      .max(100)
      .optional()
      .openapi({ example: "7K2M-QX9P-4RTB", description: "Printed in the server's log at start" }),
    store: z.object({
      slug: Slug,
      name: StoreName,
      currency: z.string().trim().toUpperCase().length(3).openapi({ example: "SAR" }),
      timezone: z.string().trim().min(1).max(64).openapi({ example: "Asia/Riyadh" }),
      vat_rate: z.number().min(0).max(100).multipleOf(0.01).openapi({ example: 15 }),
      prices_include_vat: z.boolean(),
      vat_number: z
        .string()
        .trim()
        .max(30)
        .regex(VAT_NUMBER_CHARACTERS, "letters, digits and dashes")
        .nullable()
        .optional(),
      default_locale: z.enum(["en", "ar"]).optional(),
    }),
    owner: Owner,
  })
  .openapi("SetupRequest");

export const SignupRequest = z
  .object({
    store: z.object({
      slug: Slug,
      name: StoreName,
      currency: z.string().trim().toUpperCase().length(3).optional().openapi({ example: "SAR" }),
      default_locale: z.enum(["en", "ar"]).optional(),
    }),
    owner: Owner,
  })
  .openapi("SignupRequest");

export const SlugAvailability = z
  .object({
    slug: z.string(),
    available: z.boolean(),
    reason: z.enum(["invalid", "reserved", "taken"]).nullable(),
  })
  .openapi("SlugAvailability");
