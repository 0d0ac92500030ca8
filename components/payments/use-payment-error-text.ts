import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/use-error-text";

/** The shared error wording (Common.errors) plus the codes payments meet, in the page's language. */
export function usePaymentErrorText() {
  const t = useTranslations("Payments.errors");
  return useErrorText({
    INSUFFICIENT_PERMISSION: t("permission"),
    PAYMENT_NOT_FOUND: t("notFound"),
    ORDER_NOT_FOUND: t("orderNotFound"),
    CHECKOUT_LINK_NOT_FOUND: t("checkoutLinkNotFound"),
    REFUND_EXCEEDS_CAPTURED: t("refundTooLarge"),
    PAYMENT_NOT_REFUNDABLE: t("notRefundable"),
    ORDER_NOT_PAYABLE: t("orderNotPayable"),
    AMOUNT_EXCEEDS_DUE: t("overpayment"),
    PAYMENT_PROVIDER_NOT_CONFIGURED: t("providerNotConfigured"),
    PROVIDER_AUTHENTICATION_FAILED: t("providerRejected"),
    PROVIDER_PERMISSION_DENIED: t("providerRejected"),
    PROVIDER_RATE_LIMITED: t("providerUnavailable"),
    PROVIDER_UNAVAILABLE: t("providerUnavailable"),
    PROVIDER_TIMEOUT: t("providerUnavailable"),
    PROVIDER_REJECTED: t("providerError"),
  });
}

/** A stable key for one attempt, also where crypto.randomUUID is missing (plain-http hosts). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
