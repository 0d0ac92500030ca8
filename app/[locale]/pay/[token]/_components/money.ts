import type { AppLocale } from "@/lib/admin/i18n/routing";

/**
 * An amount in its currency, as Intl words it in the page's language. Arabic puts a Latin symbol
 * after the number ("90.00 US$"); inside RTL text its trailing "$" or "£" would break away
 * ("$US 90.00"), so the symbol is isolated as one LTR piece (U+2066 … U+2069).
 */
export function formatMoney(locale: AppLocale, amount: number, currency: string): string {
  const text = new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  return locale === "ar"
    ? text.replace(/[A-Za-z]+[^\s\d\u200e\u200f]*/, (symbol) => `\u2066${symbol}\u2069`)
    : text;
}
