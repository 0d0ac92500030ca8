import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { z } from "zod";
import { MoneyFormatError, toMinor } from "@/lib/money";
import { ProductFields as ProductCreate } from "@/lib/products/fields";
import { decimalText } from "@/lib/text/digits";
import type { ProductFormValues } from "./values";

export type ProductInput = z.output<typeof ProductCreate>;
export type FormLocale = "en" | "ar";

/** Form strings to the API's input: empty means "none", numbers become numbers. */
function toInput(values: ProductFormValues) {
  // Arabic keyboards type ١٢٫٥٠: read as 12.50 (lib/text/digits.ts).
  const price = decimalText(values.price);
  const inventory = decimalText(values.inventory);
  return {
    name: { en: values.name.en, ar: values.name.ar },
    description: { en: values.description.en, ar: values.description.ar },
    price: price === "" ? undefined : price,
    currency: values.currency,
    category: values.category.trim() || null,
    tags: values.tags,
    sku: values.sku.trim() || null,
    status: values.status,
    inventory: inventory === "" ? 0 : Number(inventory),
  };
}

/** The API's own schema (ProductCreate), applied to the form's values turned into API input. */
const productFormSchema = z.preprocess(
  (values) => toInput(values as ProductFormValues),
  ProductCreate,
) as unknown as z.ZodType<ProductInput, ProductFormValues>;
const schemaResolver = zodResolver(productFormSchema);

const FIELD_PATHS = {
  "name.en": ["name", "en"],
  "name.ar": ["name", "ar"],
  price: ["price"],
} as const;

/**
 * The rules the API's service checks across fields, so the form says what the API would, before
 * the round trip. Kept apart from the schema: zod skips refinements while any field fails, and
 * these should show together with the rest. The codes are the API's.
 */
function crossFieldIssues(
  values: ProductFormValues,
  locale: FormLocale,
): [keyof typeof FIELD_PATHS, string][] {
  const input = toInput(values);
  const issues: [keyof typeof FIELD_PATHS, string][] = [];
  const en = input.name.en.trim();
  const ar = input.name.ar.trim();
  // "A name in either language" sits under the page's own language.
  if (!en && !ar) issues.push([`name.${locale}`, "required"]);
  if (input.status === "active") {
    if (!en) issues.push(["name.en", "required_for_active"]);
    if (!ar) issues.push(["name.ar", "required_for_active"]);
  }
  if (input.price !== undefined && /^\d+(\.\d+)?$/.test(input.price)) {
    try {
      toMinor(input.price, input.currency);
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      issues.push(["price", error.code]);
    }
  }
  return issues;
}

export const productResolver: Resolver<
  ProductFormValues,
  { locale: FormLocale },
  ProductInput
> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const issues = crossFieldIssues(values, context?.locale ?? "en");
  if (!issues.length) return result;
  // Merged into the schema's errors; a field keeps its first error.
  const errors: Record<string, unknown> = { ...result.errors };
  for (const [field, code] of issues) {
    const [head, sub] = FIELD_PATHS[field];
    const error = { type: code, message: code };
    if (sub === undefined) errors[head] ??= error;
    else errors[head] = { [sub]: error, ...(errors[head] as object | undefined) };
  }
  return { values: {}, errors: errors as FieldErrors<ProductFormValues> };
};

/** Fields the API names that this form shows; others go to the alert at the top. */
const FORM_FIELDS = new Set([
  "name.en",
  "name.ar",
  "description.en",
  "description.ar",
  "price",
  "currency",
  "category",
  "tags",
  "sku",
  "status",
  "inventory",
]);

/** The form field an API field error belongs to, or null when the form does not show it. */
export function formFieldOf(apiField: string, locale: FormLocale): string | null {
  if (apiField === "name") return `name.${locale}`;
  if (apiField.startsWith("tags.")) return "tags";
  return FORM_FIELDS.has(apiField) ? apiField : null;
}
