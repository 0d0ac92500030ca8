import { useTranslations } from "next-intl";

/** A failed action's code in words, for the alert above a table or form. */
export function useErrorText(): (code: string) => string {
  const t = useTranslations("products.errors");
  return (code) => {
    switch (code) {
      case "INSUFFICIENT_PERMISSION":
        return t("permission");
      case "PRODUCT_NOT_FOUND":
        return t("notFound");
      case "UNAVAILABLE":
        return t("unavailable");
      case "RATE_LIMIT_EXCEEDED":
        return t("busy");
      default:
        return code.startsWith("AUTH") ? t("sessionExpired") : t("generic");
    }
  };
}
