import { MAX_MINOR, MoneyFormatError } from "@/lib/money";

/**
 * Line arithmetic in integer minor units (BigInt inside, so no product can overflow), VAT
 * rounded half up per line. With VAT-inclusive prices the tax is extracted from the line total;
 * otherwise it is added to the line subtotal. A line or sum beyond MAX_MINOR throws (code
 * "too_big") rather than come back rounded.
 */
export interface LineAmounts {
  subtotal: number;
  tax: number;
  total: number;
}

const MAX = BigInt(MAX_MINOR);

function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function capped(subtotal: bigint, tax: bigint, total: bigint): LineAmounts {
  if (total > MAX) throw new MoneyFormatError(`A total is at most ${MAX} minor units`, "too_big");
  return { subtotal: Number(subtotal), tax: Number(tax), total: Number(total) };
}

export function lineAmounts(
  unitMinor: number,
  quantity: number,
  vatRateBp: number,
  pricesIncludeVat: boolean,
): LineAmounts {
  const gross = BigInt(unitMinor) * BigInt(quantity);
  const rate = BigInt(vatRateBp);
  if (pricesIncludeVat) {
    const tax = divRoundHalfUp(gross * rate, 10_000n + rate);
    return capped(gross - tax, tax, gross);
  }
  const tax = divRoundHalfUp(gross * rate, 10_000n);
  return capped(gross, tax, gross + tax);
}

/** A total charged elsewhere (VAT included): the VAT part extracted at the store's rate. */
export function splitGross(totalMinor: number, vatRateBp: number): LineAmounts {
  return lineAmounts(totalMinor, 1, vatRateBp, true);
}

export function sumAmounts(lines: LineAmounts[]): LineAmounts {
  let [subtotal, tax, total] = [0n, 0n, 0n];
  for (const l of lines) {
    subtotal += BigInt(l.subtotal);
    tax += BigInt(l.tax);
    total += BigInt(l.total);
  }
  return capped(subtotal, tax, total);
}
