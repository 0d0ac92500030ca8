import { z } from "@hono/zod-openapi";
import { StoreSettingsFields } from "./fields";

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
