import { z } from "zod";
import { VAT_NUMBER_CHARACTERS } from "./vat-number";

/**
 * The store settings' input rules in plain zod: the contract publishes them as
 * StoreSettingsUpdate, and the admin's settings form validates with them without pulling
 * `@hono/zod-openapi` into the browser (docs/architecture.md, "Layers").
 */
export const StoreSettingsFields = z.object({
  name: z
    .object({
      en: z.string().trim().min(1).max(100).optional(),
      ar: z.string().trim().min(1).max(100).optional(),
    })
    .optional(),
  currency: z.string().trim().toUpperCase().length(3).optional(),
  vat_rate: z.number().min(0).max(100).multipleOf(0.01).optional().meta({ example: 15 }),
  prices_include_vat: z.boolean().optional(),
  vat_number: z
    .string()
    .trim()
    .max(30)
    .regex(VAT_NUMBER_CHARACTERS, "letters, digits and dashes")
    .nullable()
    .optional(),
  time_zone: z.string().trim().max(64).optional().meta({ example: "Asia/Riyadh" }),
  default_locale: z.enum(["en", "ar"]).optional(),
});
