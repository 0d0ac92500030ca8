import { useTranslations } from "next-intl";

/** A failed action's code in words, for the alert above a form or a list of actions. */
export function useErrorText(): (code: string) => string {
  const t = useTranslations("orders.errors");
  return (code) => {
    switch (code) {
      case "INSUFFICIENT_PERMISSION":
        return t("permission");
      case "ORDER_NOT_FOUND":
        return t("notFound");
      case "INVALID_TRANSITION":
        return t("invalidTransition");
      case "INSUFFICIENT_STOCK":
        return t("insufficientStock");
      case "VALIDATION_ERROR":
        return t("validation");
      case "UNAVAILABLE":
        return t("unavailable");
      case "RATE_LIMIT_EXCEEDED":
        return t("busy");
      default:
        return code.startsWith("AUTH") ? t("sessionExpired") : t("generic");
    }
  };
}
