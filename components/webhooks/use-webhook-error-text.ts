import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/use-error-text";

/** The shared error wording plus the webhooks area's own codes. */
export function useWebhookErrorText() {
  const t = useTranslations("webhooks.errors");
  return useErrorText({
    INSUFFICIENT_PERMISSION: t("permission"),
    WEBHOOK_NOT_FOUND: t("endpointNotFound"),
    DELIVERY_NOT_FOUND: t("deliveryNotFound"),
  });
}
