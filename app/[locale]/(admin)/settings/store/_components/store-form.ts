import type { FieldNamesMarkedBoolean } from "react-hook-form";
import type { z } from "zod";
import type { StoreSettings } from "@/lib/sdk";
import { StoreSettingsFields as StoreSettingsUpdate } from "@/lib/tenants/fields";
import { normalizeVatNumber, vatNumberProblem } from "@/lib/tenants/vat-number";

/**
 * The form validates with the API's own schema, so its errors and the API's map 1:1, plus the
 * rule the API checks against the store's currency: a SAR store's VAT number is ZATCA's form.
 */
export const storeFormSchema = StoreSettingsUpdate.superRefine((values, ctx) => {
  const code = vatNumberProblem(normalizeVatNumber(values.vat_number), values.currency ?? "");
  if (code) ctx.addIssue({ code: "custom", path: ["vat_number"], params: { code } });
});

export interface Option {
  value: string;
  label: string;
}

/** The form's values: the API's own field names (StoreSettingsUpdate), every field filled. */
export interface StoreFormValues {
  name: { en: string; ar: string };
  currency: string;
  vat_rate: number;
  prices_include_vat: boolean;
  vat_number: string;
  time_zone: string;
  default_locale: "en" | "ar";
}

export type FormInput = z.input<typeof StoreSettingsUpdate>;

export const FIELDS = [
  "name.en",
  "name.ar",
  "currency",
  "vat_rate",
  "prices_include_vat",
  "vat_number",
  "time_zone",
  "default_locale",
] as const;

export type FieldName = (typeof FIELDS)[number];

/** The store's settings as the form holds them (the SDK speaks camelCase, the form the API's names). */
export function toFormValues(settings: StoreSettings): StoreFormValues {
  return {
    name: { en: settings.name.en, ar: settings.name.ar },
    currency: settings.currency,
    vat_rate: settings.vatRate,
    prices_include_vat: settings.pricesIncludeVat,
    vat_number: settings.vatNumber ?? "",
    time_zone: settings.timeZone,
    default_locale: settings.defaultLocale,
  };
}

/** Only what changed: the API records the changed fields in the audit log. */
export function changedValues(
  values: FormInput,
  dirty: Partial<Readonly<FieldNamesMarkedBoolean<FormInput>>>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (dirty.name?.en || dirty.name?.ar) {
    changes.name = {
      ...(dirty.name?.en ? { en: values.name?.en } : {}),
      ...(dirty.name?.ar ? { ar: values.name?.ar } : {}),
    };
  }
  for (const field of FIELDS) {
    if (field === "name.en" || field === "name.ar") continue;
    if (dirty[field]) changes[field] = values[field];
  }
  return changes;
}
