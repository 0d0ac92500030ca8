import { useTranslations } from "next-intl";
import { useFormContext, useFormState, useWatch, type FieldError } from "react-hook-form";
import { currencyExponent } from "@/lib/money";
import { productIssueText } from "../issue-text";
import type { ProductFormValues } from "./values";

/** The product form's methods, from the enclosing <Form>. */
export const useProductForm = () => useFormContext<ProductFormValues>();

/** The currency the price is in now, and how many decimals it takes. */
export function useCurrency() {
  const currency = useWatch<ProductFormValues, "currency">({ name: "currency" });
  return { currency, decimals: currencyExponent(currency) };
}

/**
 * A field's error in the reader's words, for FormField's `error`: react-hook-form holds the API's
 * (or zod's) code, and errors on single tags (tags.3) belong to the tags field.
 */
export function useIssueText(): (field: string) => string | undefined {
  const t = useTranslations("products.form");
  const form = useProductForm();
  const state = useFormState({ control: form.control });
  const price = useCurrency();
  return (field) => {
    let error: FieldError | undefined = form.getFieldState(field as "price", state).error;
    if (!error && field === "tags" && Array.isArray(state.errors.tags))
      error = state.errors.tags.find(Boolean);
    return error ? productIssueText(t, field, error.type ?? "", price) : undefined;
  };
}
