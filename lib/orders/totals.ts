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

/**
 * An order's money: its goods lines, less a discount, plus a shipping fee. Both are amounts as
 * the store prices things (VAT included when its prices include VAT) and each is rounded like a
 * line of its own, so the tax invoice can show them as lines that add up to the order. Saudi VAT
 * is charged on the discounted price and on delivery: the discount takes its VAT off (never more
 * than the goods carry), the shipping fee is taxed at the order's rate (docs/orders.md, "Money").
 */
export interface OrderAmounts {
  goods: LineAmounts;
  discount: LineAmounts;
  shipping: LineAmounts;
  totals: LineAmounts;
}

/** The discount is more than the goods cost. */
export class DiscountTooBigError extends Error {}

export function orderAmounts(
  goods: LineAmounts,
  discountMinor: number,
  shippingMinor: number,
  vatRateBp: number,
  pricesIncludeVat: boolean,
): OrderAmounts {
  const goodsPrice = pricesIncludeVat ? goods.total : goods.subtotal;
  if (discountMinor > goodsPrice) throw new DiscountTooBigError();
  const raw = lineAmounts(discountMinor, 1, vatRateBp, pricesIncludeVat).tax;
  // Lines are rounded one by one, so the goods' VAT and the discount's own can differ by a few
  // minor units: the discount never takes more VAT than the goods carry, a discount of it all
  // takes exactly their VAT, and (VAT included) what is left never carries more VAT than it costs.
  const left = goodsPrice - discountMinor;
  const tax =
    left === 0
      ? goods.tax
      : Math.min(goods.tax, pricesIncludeVat ? Math.max(raw, goods.tax - left) : raw);
  const discount = pricesIncludeVat
    ? { subtotal: discountMinor - tax, tax, total: discountMinor }
    : { subtotal: discountMinor, tax, total: discountMinor + tax };
  const shipping = lineAmounts(shippingMinor, 1, vatRateBp, pricesIncludeVat);
  const totals = capped(
    BigInt(goods.subtotal) - BigInt(discount.subtotal) + BigInt(shipping.subtotal),
    BigInt(goods.tax) - BigInt(discount.tax) + BigInt(shipping.tax),
    BigInt(goods.total) - BigInt(discount.total) + BigInt(shipping.total),
  );
  return { goods, discount, shipping, totals };
}
