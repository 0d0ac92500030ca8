import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import type { PaymentDetail } from "@/lib/sdk";

/** What every card of the payment page is given. */
export interface PaymentCardProps {
  payment: PaymentDetail;
  locale: "en" | "ar";
  timeZone: string;
}

/** The page's words and formats: money in the payment's currency, times in the store's zone. */
export async function paymentFormat({ payment, locale, timeZone }: PaymentCardProps) {
  const t = await getTranslations({ locale, namespace: "Payments" });
  const format = await getDisplayFormatter(locale);
  return {
    t,
    format,
    money: (amount: number) =>
      format.number(amount, { style: "currency", currency: payment.currency }),
    when: (iso: string) =>
      format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }),
  };
}

/** What can still be given back: captured minus refunded, never below zero. */
export function refundableOf(payment: Pick<PaymentDetail, "amountCaptured" | "amountRefunded">) {
  // Both are exact decimals of the same currency; rounding to 1e-6 drops binary noise only.
  return Math.max(0, Math.round((payment.amountCaptured - payment.amountRefunded) * 1e6) / 1e6);
}
