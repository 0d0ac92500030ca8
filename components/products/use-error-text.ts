import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/use-error-text";

/** A failed product action's code in words: the shared wording, with the products area's own. */
export function useProductErrorText(): (code: string) => string {
  const t = useTranslations("products.errors");
  return useErrorText({
    INSUFFICIENT_PERMISSION: t("permission"),
    PRODUCT_NOT_FOUND: t("notFound"),
  });
}
