/**
 * Money is integer minor units in the currency's own exponent (ISO 4217); the API speaks decimal
 * major units. Conversion goes through the number's shortest decimal string, never through
 * floating-point multiplication, so 299.99 is exactly 29999 halalas.
 */
const EXPONENT_OVERRIDES: Record<string, number> = {
  // Three decimals
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // No decimals
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

let known: Set<string> | undefined;

export function isCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}

export function currencyExponent(currency: string): number {
  return EXPONENT_OVERRIDES[currency] ?? 2;
}

/**
 * The largest amount anywhere (price, line, order total), in minor units: 999,999,999,999.99 SAR,
 * 99,999,999,999.999 KWD, 99,999,999,999,999 JPY. At most 14 significant digits, so every amount
 * is exact as a JSON number (a double holds 15) and round-trips (docs/api.md "Limits").
 */
export const MAX_MINOR = 99_999_999_999_999;

/** The cap in major units of `currency`, for messages. */
export const maxMajor = (currency: string) => toMajor(MAX_MINOR, currency);

export class MoneyFormatError extends Error {
  /** The API's field error code: too many decimals, or beyond MAX_MINOR. */
  constructor(
    message: string,
    readonly code: "invalid_precision" | "too_big" = "invalid_precision",
  ) {
    super(message);
  }
}

/** An amount or total beyond MAX_MINOR. */
export const tooBig = (currency: string) =>
  new MoneyFormatError(`Amounts are at most ${maxMajor(currency)} ${currency}`, "too_big");

/** 299.99 (or "299.99") in USD -> 29999. Throws MoneyFormatError on too many decimals or too big. */
export function toMinor(amount: number | string, currency: string): number {
  const exponent = currencyExponent(currency);
  const text = typeof amount === "number" ? numberToPlainString(amount) : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyFormatError(`"${text}" is not a decimal amount`);
  const [, sign, whole, fraction = ""] = match;
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > exponent) {
    throw new MoneyFormatError(
      exponent === 0
        ? `${currency} has no minor unit: use a whole number`
        : `${currency} allows at most ${exponent} decimal places`,
    );
  }
  const minor = BigInt(whole! + trimmed.padEnd(exponent, "0"));
  if (minor > BigInt(MAX_MINOR)) throw tooBig(currency);
  return Number(sign ? -minor : minor);
}

/** 29999 in USD -> 299.99 (the double whose shortest representation is exactly that). */
export function toMajor(minor: number, currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return minor;
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const text = `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return Number(negative ? `-${text}` : text);
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new MoneyFormatError("amount must be a finite number");
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // 1e-7 or 1e21: expand the exponent form; such values fail the decimal checks anyway.
  return n.toFixed(20).replace(/\.?0+$/, "");
}

/** The currencies the admin's selects offer first (products, store settings, setup, sign-up). */
export const COMMON_CURRENCIES = [
  "SAR",
  "AED",
  "KWD",
  "BHD",
  "QAR",
  "OMR",
  "EGP",
  "JOD",
  "USD",
  "EUR",
  "GBP",
  "JPY",
] as const;
