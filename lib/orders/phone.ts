import { parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js";
import { latinDigits } from "@/lib/text/digits";

/**
 * Customers' phone numbers, stored in E.164 ("+966501234567"). Merchants type them every way a
 * Saudi number is written: 0501234567, 501234567, 00966 50 123 4567, +966-50-123-4567, or in
 * Arabic-Indic digits from an Arabic keyboard. A number without a country code is read as Saudi
 * (docs/orders.md, "Customers"). Plain functions (no zod), so the order form can check as you type.
 */
export const DEFAULT_PHONE_REGION: CountryCode = "SA";

/** What is allowed around the digits: spaces, dashes, dots, brackets, a leading + or 00. */
const TYPED = /^\+?[\d\s\-.()\u00a0]{1,40}$/;

/** The number in E.164, or null when it is not a valid phone number. */
export function normalisePhone(raw: string, region: CountryCode = DEFAULT_PHONE_REGION) {
  let text = latinDigits(raw)
    .trim()
    .replace(/[\u200e\u200f\u061c]/g, "");
  if (!TYPED.test(text)) return null;
  text = text.replace(/[\s\-.()\u00a0]/g, "");
  // "00" is the international prefix in Saudi Arabia (and most of the world).
  if (text.startsWith("00")) text = `+${text.slice(2)}`;
  // "966501234567" typed without its "+" is a Saudi number with its country code.
  if (region === "SA" && /^9665\d{8}$/.test(text)) text = `+${text}`;
  try {
    const phone = parsePhoneNumberWithError(text, region);
    return phone.isValid() ? phone.number : null;
  } catch {
    return null;
  }
}

export const PHONE_MESSAGE =
  "Not a valid phone number: give a mobile such as 0501234567 or +966501234567, or another country's number with its + code";

/** "+966501234567" as people read it: "+966 50 123 4567" (as stored when it cannot be parsed). */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}
