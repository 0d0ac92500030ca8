import { MoneyFormatError, toMinor } from "@/lib/money";
import {
  DiscountTooBigError,
  lineAmounts,
  orderAmounts,
  sumAmounts,
  type LineAmounts,
} from "@/lib/orders/totals";
import { decimalText } from "@/lib/text/digits";
import type { ProductOption } from "../order-schemas";
import type { FormValues } from "./form-values";
import { quantityOf } from "./form-values";

/** The store's money rules, for the estimate (the server computes the real totals). */
export interface StoreMoney {
  currency: string;
  vatRateBp: number;
  pricesIncludeVat: boolean;
}

/** A line's amounts in minor units; "too_big" beyond the cap; null when not yet computable. */
export type LineEstimate = LineAmounts | "too_big" | null;

/**
 * Each line's amounts and the order's totals, by the same arithmetic as the server (display
 * only); "too_big" beyond the most an amount can be (docs/api.md "Limits"), which it refuses.
 */
export function estimate(
  items: FormValues["items"],
  known: ReadonlyMap<string, ProductOption>,
  store: StoreMoney,
  adjust: { discount: string; shipping: string } = { discount: "", shipping: "" },
): {
  lines: LineEstimate[];
  totals: LineAmounts | null;
  discount: number;
  shipping: number;
  discountTooBig: boolean;
} {
  const lines = items.map((item): LineEstimate => {
    const product = known.get(item.productId);
    const quantity = quantityOf(item.quantity);
    if (!product || !Number.isInteger(quantity) || quantity < 1) return null;
    try {
      const unit = toMinor(product.price, product.currency);
      return lineAmounts(unit, quantity, store.vatRateBp, store.pricesIncludeVat);
    } catch (error) {
      if (error instanceof MoneyFormatError) return error.code === "too_big" ? "too_big" : null;
      throw error;
    }
  });
  let totals: LineAmounts | null = null;
  const discount = minorOf(adjust.discount, store.currency);
  const shipping = minorOf(adjust.shipping, store.currency);
  let discountTooBig = false;
  try {
    if (!lines.includes("too_big"))
      totals = sumAmounts(lines.filter((a): a is LineAmounts => a !== null && a !== "too_big"));
    if (totals && (discount || shipping))
      totals = orderAmounts(
        totals,
        discount,
        shipping,
        store.vatRateBp,
        store.pricesIncludeVat,
      ).totals;
  } catch (error) {
    if (error instanceof DiscountTooBigError) discountTooBig = true;
    else if (!(error instanceof MoneyFormatError)) throw error;
    totals = null;
  }
  return { lines, totals, discount, shipping, discountTooBig };
}

/** A typed amount in minor units; 0 while empty or not (yet) an amount. */
function minorOf(text: string, currency: string): number {
  const value = decimalText(text);
  if (!value) return 0;
  try {
    return Math.max(0, toMinor(value, currency));
  } catch {
    return 0;
  }
}
