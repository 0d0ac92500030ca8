import { useTranslations } from "next-intl";
import type { ActionIssue } from "@/lib/action-result";

/** A failed webhooks action's code in words, in the page's language. */
export function useErrorText(): (issue: ActionIssue) => string {
  const t = useTranslations("webhooks.errors");
  return ({ code }) => {
    switch (code) {
      case "INSUFFICIENT_PERMISSION":
        return t("permission");
      case "WEBHOOK_NOT_FOUND":
        return t("endpointNotFound");
      case "DELIVERY_NOT_FOUND":
        return t("deliveryNotFound");
      case "VALIDATION_ERROR":
        return t("validation");
      case "RATE_LIMIT_EXCEEDED":
        return t("busy");
      case "UNAVAILABLE":
        return t("unavailable");
      default:
        return code.startsWith("AUTH") ? t("sessionExpired") : t("generic");
    }
  };
}
