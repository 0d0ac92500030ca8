/**
 * Line arithmetic in integer minor units (BigInt inside, so no product can overflow), VAT
 * rounded half up per line. With VAT-inclusive prices the tax is extracted from the line total;
 * otherwise it is added to the line subtotal.
 */
export interface LineAmounts {
  subtotal: number;
  tax: number;
  total: number;
}

function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
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
    return { subtotal: Number(gross - tax), tax: Number(tax), total: Number(gross) };
  }
  const tax = divRoundHalfUp(gross * rate, 10_000n);
  return { subtotal: Number(gross), tax: Number(tax), total: Number(gross + tax) };
}

/** A total charged elsewhere (VAT included): the VAT part extracted at the store's rate. */
export function splitGross(totalMinor: number, vatRateBp: number): LineAmounts {
  return lineAmounts(totalMinor, 1, vatRateBp, true);
}

export function sumAmounts(lines: LineAmounts[]): LineAmounts {
  return lines.reduce(
    (a, l) => ({ subtotal: a.subtotal + l.subtotal, tax: a.tax + l.tax, total: a.total + l.total }),
    { subtotal: 0, tax: 0, total: 0 },
  );
}
