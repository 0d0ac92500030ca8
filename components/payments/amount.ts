import { z } from "zod";
import { currencyExponent, MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import { decimalText } from "@/lib/text/digits";

/** "٥٠٫٢٥" or " 50.25 " -> "50.25": what the API reads as a decimal amount. */
export const normalizeAmount = decimalText;

/** A major-units amount as the input's default text, with the currency's decimals ("50.00"). */
export function amountText(amount: number, currency: string): string {
  return amount.toFixed(currencyExponent(currency));
}

export interface AmountMessages {
  required: string;
  invalid: string;
  tooLow: string;
  tooHigh: string;
}

/**
 * An amount field in `currency` up to `maxMinor` (what is left to refund, or what the order owes):
 * a decimal with no more places than the currency has, above zero, not above the maximum.
 */
export function amountSchema(currency: string, maxMinor: number, messages: AmountMessages) {
  return z
    .string()
    .transform(normalizeAmount)
    .superRefine((text, ctx) => {
      if (!text) return void ctx.addIssue({ code: "custom", message: messages.required });
      let minor: number;
      try {
        minor = toMinor(text, currency);
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error;
        return void ctx.addIssue({
          code: "custom",
          message: error.code === "too_big" ? messages.tooHigh : messages.invalid,
        });
      }
      if (minor <= 0) ctx.addIssue({ code: "custom", message: messages.tooLow });
      else if (minor > maxMinor) ctx.addIssue({ code: "custom", message: messages.tooHigh });
    });
}

/** Minor units of a major amount in `currency` (amounts from the API are always exact). */
export function minorOf(amount: number, currency: string): number {
  return toMinor(amount, currency);
}

export { toMajor };
