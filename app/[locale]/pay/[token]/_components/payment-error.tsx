"use client";

import { useTranslations } from "next-intl";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";

/** The failures worded in the page's language; any other code reads as the generic one. */
const KNOWN = [
  "card_declined",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
  "paypal_declined",
  "unavailable",
] as const;
export type PaymentProblem = (typeof KNOWN)[number] | "generic";

export function problemOf(code: string | null | undefined): PaymentProblem {
  return KNOWN.find((known) => known === code) ?? "generic";
}

/**
 * A failed attempt, announced: what happened and what to do in the customer's language, then the
 * provider's own message (Stripe words it in the page's language too) as the detail.
 */
export function PaymentError({
  problem,
  provider,
  message,
}: {
  problem: PaymentProblem;
  provider?: string;
  message?: string | null;
}) {
  const t = useTranslations("Checkout");
  return (
    <ErrorAlert title={t(`errors.${problem}.title`)}>
      <AlertDescription>{t(`errors.${problem}.description`)}</AlertDescription>
      {provider && message ? (
        <AlertDescription className="text-xs opacity-80">
          {t.rich("pay.providerMessage", {
            provider,
            message,
            // Its own direction: an English message must not reorder inside Arabic text.
            m: (chunks) => <bdi dir="auto">{chunks}</bdi>,
          })}
        </AlertDescription>
      ) : null}
    </ErrorAlert>
  );
}
