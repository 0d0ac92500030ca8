import { useTranslations } from "next-intl";
import { errorTextFor, type ErrorExtras } from "./error-text";

/**
 * A failed action's code in words, in the page's language. The codes every area shares are
 * worded in Common.errors; an area passes its own codes (and any sharper wording) as extras.
 */
export function useErrorText(
  extras: ErrorExtras = {},
): (issue: string | { code: string }) => string {
  const t = useTranslations("Common.errors");
  return (issue) => errorTextFor(typeof issue === "string" ? issue : issue.code, t, extras);
}
