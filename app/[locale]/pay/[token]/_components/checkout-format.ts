import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { DEFAULT_TIME_ZONE } from "@/lib/admin/i18n/time-zone";
import type { AppLocale } from "@/lib/admin/i18n/routing";
import type { CheckoutView } from "@/lib/sdk";
import { formatMoney } from "./money";

/** What every part of the checkout page is given. */
export interface CheckoutProps {
  view: CheckoutView;
  locale: AppLocale;
}

/**
 * The page's words and formats for one checkout: money in the order's currency, the VAT rate as
 * a percentage, dates in the store's region (the view carries no time zone of its own).
 */
export async function checkoutFormat({ view, locale }: CheckoutProps) {
  const t = await getTranslations({ locale, namespace: "Checkout" });
  const format = await getFormatter({ locale });
  return {
    t,
    format,
    money: (amount: number) => formatMoney(locale, amount, view.order.currency),
    vatRate: format.number(view.order.vatRate / 100, {
      style: "percent",
      maximumFractionDigits: 2,
    }),
    when: (iso: string) =>
      format.dateTime(new Date(iso), {
        dateStyle: "long",
        timeStyle: "short",
        timeZone: DEFAULT_TIME_ZONE,
      }),
    /** The store's name in the page's language, else the other one. */
    store: inLocale(view.store.name, locale).text,
  };
}

/** A text in the page's language when the store wrote one, else the other, with its language. */
export function inLocale(text: { en: string; ar: string }, locale: AppLocale) {
  const other = locale === "en" ? "ar" : "en";
  const own = text[locale].trim();
  return own ? { text: own, lang: locale } : { text: text[other].trim(), lang: other };
}
