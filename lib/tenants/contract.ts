import { z } from "@hono/zod-openapi";

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
  .object({
    name: z
      .object({
        en: z.string().trim().min(1).max(100).optional(),
        ar: z.string().trim().min(1).max(100).optional(),
      })
      .optional(),
    currency: z.string().trim().toUpperCase().length(3).optional(),
    vat_rate: z.number().min(0).max(100).multipleOf(0.01).optional().openapi({ example: 15 }),
    prices_include_vat: z.boolean().optional(),
    vat_number: z
      .string()
      .trim()
      .max(30)
      .regex(/^[0-9A-Za-z-]*$/, "letters, digits and dashes")
      .nullable()
      .optional(),
    time_zone: z.string().trim().max(64).optional().openapi({ example: "Asia/Riyadh" }),
    default_locale: z.enum(["en", "ar"]).optional(),
  })
  .openapi("StoreSettingsUpdate");
