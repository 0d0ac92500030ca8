import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/use-error-text";

/** The shared error wording (Common.errors) plus the orders area's own codes and sentences. */
export function useOrderErrorText() {
  const t = useTranslations("orders.errors");
  return useErrorText({
    INSUFFICIENT_PERMISSION: t("permission"),
    ORDER_NOT_FOUND: t("notFound"),
    INVALID_TRANSITION: t("invalidTransition"),
    INSUFFICIENT_STOCK: t("insufficientStock"),
  });
}
