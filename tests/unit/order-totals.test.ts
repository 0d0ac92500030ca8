import { describe, expect, it } from "vitest";
import { lineAmounts, splitGross, sumAmounts } from "@/lib/orders/totals";

describe("order line VAT", () => {
  it.each([
    // unit, qty, rate bp, inclusive -> subtotal, tax, total
    [11500, 1, 1500, true, 10000, 1500, 11500], // SAR 115.00 incl. 15% = 100 + 15
    [29999, 1, 1500, true, 26086, 3913, 29999], // 299.99 incl.: tax 39.128... -> 39.13
    [10000, 3, 1500, false, 30000, 4500, 34500],
    [333, 1, 1500, false, 333, 50, 383], // 49.95 halalas rounds half up to 50
    [1001, 1, 500, true, 953, 48, 1001], // KWD-style 3 decimals, 5%: 47.666 -> 48
    [1500, 2, 0, true, 3000, 0, 3000], // JPY, no VAT
  ])(
    "%i x %i at %i bp (inclusive %s) -> %i + %i = %i",
    (unit, qty, bp, incl, subtotal, tax, total) => {
      expect(lineAmounts(unit, qty, bp, incl)).toEqual({ subtotal, tax, total });
    },
  );

  it("never loses a minor unit: subtotal + tax = total", () => {
    for (let unit = 1; unit < 2000; unit += 7) {
      for (const incl of [true, false]) {
        const l = lineAmounts(unit, 3, 1500, incl);
        expect(l.subtotal + l.tax).toBe(l.total);
      }
    }
  });

  it("handles amounts far beyond 2^53 in the intermediate product", () => {
    expect(lineAmounts(900_000_000_000, 10_000, 1500, false).total).toBe(10_350_000_000_000_000);
  });

  it("rounds per line, then sums", () => {
    const lines = [lineAmounts(333, 1, 1500, false), lineAmounts(333, 1, 1500, false)];
    expect(sumAmounts(lines)).toEqual({ subtotal: 666, tax: 100, total: 766 });
    expect(splitGross(11500, 1500)).toEqual({ subtotal: 10000, tax: 1500, total: 11500 });
  });
});
