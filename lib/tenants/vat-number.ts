import { latinDigits } from "@/lib/text/digits";

/**
 * A store's VAT registration number. Stores that charge in SAR are registered with ZATCA, whose
 * numbers are 15 digits, the first and the last a 3 (as printed on a tax invoice and in its QR
 * code); other stores keep the looser form (letters, digits, dashes) their countries use.
 * Arabic-Indic digits are read as Latin ones. docs/arabic-input.md.
 */
export const ZATCA_VAT_NUMBER = /^3\d{13}3$/;

/** The field's characters, Arabic-Indic and Persian digits included (the API reads them as Latin). */
export const VAT_NUMBER_CHARACTERS = /^[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9-]*$/;

/** As stored: trimmed, Latin digits; empty is none. */
export function normalizeVatNumber(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return latinDigits(value.trim()) || null;
}

/** The code of what is wrong with a (normalized) VAT number for a store in `currency`, or null. */
export function vatNumberProblem(value: string | null | undefined, currency: string) {
  if (!value || currency.toUpperCase() !== "SAR") return null;
  return ZATCA_VAT_NUMBER.test(value) ? null : ("vat_number_zatca" as const);
}

export const VAT_NUMBER_ZATCA_MESSAGE =
  "A Saudi VAT number is 15 digits, starting and ending with 3";

/** The form's numbers, for the message that explains it. */
export const ZATCA_FORM = { length: 15, edge: 3 };
