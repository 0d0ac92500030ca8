import { useTranslations } from "next-intl";
import type { ManualMethod, ProviderName } from "@/lib/payments/constants";
import { BRAND_NAMES } from "./brand-names";

/**
 * Who took the money: Stripe or PayPal by name (in Latin letters in both languages), a manual
 * payment with its method ("Manual · Bank transfer").
 */
export function ProviderLabel({
  provider,
  method,
}: {
  provider: ProviderName;
  method: ManualMethod | null;
}) {
  const t = useTranslations("Payments");
  if (provider !== "manual") return <bdi dir="ltr">{BRAND_NAMES[provider]}</bdi>;
  return (
    <span>
      {method
        ? t("providers.manualWithMethod", { method: t(`methods.${method}`) })
        : t("providers.manual")}
    </span>
  );
}
