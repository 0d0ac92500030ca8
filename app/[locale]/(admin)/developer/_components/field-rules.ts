import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { z } from "zod";
import { REF_PATTERN } from "@/lib/apps/fields";

/** The developer forms' rules (lib/apps/fields.ts), worded in the page's language. */
export function useFieldRules() {
  const t = useTranslations("developer.fields");
  return useMemo(
    () => ({
      ref: z.string().trim().toLowerCase().regex(REF_PATTERN, t("refInvalid")),
      text: (max: number) =>
        z.string().trim().min(1, t("required")).max(max, t("tooLong", { max })),
    }),
    [t],
  );
}

/**
 * Puts each of `fields`' server errors on its field, in words; true when one landed, so the
 * caller shows the alert above the buttons only for a refusal no field is to blame for.
 */
export function setFieldErrors<F extends string>(
  setError: (field: F, error: { message: string }) => void,
  fieldErrors: Record<string, { code: string }>,
  fields: readonly F[],
  words: (issue: { code: string }) => string,
): boolean {
  const named = fields.filter((field) => fieldErrors[field]);
  for (const field of named) setError(field, { message: words(fieldErrors[field]!) });
  return named.length > 0;
}
