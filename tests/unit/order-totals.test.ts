import { describe, expect, it } from "vitest";
import { MAX_MINOR, MoneyFormatError, toMajor, toMinor } from "@/lib/money";
import {
  DiscountTooBigError,
  lineAmounts,
  orderAmounts,
  splitGross,
  sumAmounts,
} from "@/lib/orders/totals";

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

  it("is exact up to the cap, with intermediate products far beyond 2^53", () => {
    // 99999999999999 * 1500 / 11500 = 13043478260869.43..., so the tax rounds down.
    expect(lineAmounts(MAX_MINOR, 1, 1500, true)).toEqual({
      subtotal: 86_956_521_739_130,
      tax: 13_043_478_260_869,
      total: MAX_MINOR,
    });
    expect(lineAmounts(33_333_333_333_333, 3, 0, true).total).toBe(MAX_MINOR);
  });

  it("refuses a line or a sum beyond the cap instead of rounding it", () => {
    // The case: 4503599627370497 x 3 is 13510798882111491, which a double rounds to ...492.
    expect(() => lineAmounts(4_503_599_627_370_497, 3, 1500, true)).toThrow(MoneyFormatError);
    expect(() => lineAmounts(MAX_MINOR + 1, 1, 0, true)).toThrow(MoneyFormatError);
    expect(() => lineAmounts(MAX_MINOR, 1, 1500, false)).toThrow(MoneyFormatError);
    const half = lineAmounts(50_000_000_000_000, 1, 0, true);
    expect(() => sumAmounts([half, half])).toThrow(MoneyFormatError);
    expect(sumAmounts([half, lineAmounts(49_999_999_999_999, 1, 0, true)]).total).toBe(MAX_MINOR);
    const many = Array.from({ length: 500 }, () => lineAmounts(MAX_MINOR, 1, 1500, true));
    let thrown: unknown;
    try {
      sumAmounts(many);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: "too_big" });
  });

  it("caps amounts read from text at 999,999,999,999.99 (SAR), 99,999,999,999.999 (KWD)", () => {
    expect(toMinor("999999999999.99", "SAR")).toBe(MAX_MINOR);
    expect(() => toMinor("1000000000000.00", "SAR")).toThrow(MoneyFormatError);
    expect(toMinor("99999999999.999", "KWD")).toBe(MAX_MINOR);
    expect(() => toMinor(100_000_000_000, "KWD")).toThrow(MoneyFormatError);
    expect(toMajor(MAX_MINOR, "SAR")).toBe(999_999_999_999.99);
    expect(String(toMajor(MAX_MINOR, "KWD"))).toBe("99999999999.999");
  });

  it("rounds per line, then sums", () => {
    const lines = [lineAmounts(333, 1, 1500, false), lineAmounts(333, 1, 1500, false)];
    expect(sumAmounts(lines)).toEqual({ subtotal: 666, tax: 100, total: 766 });
    expect(splitGross(11500, 1500)).toEqual({ subtotal: 10000, tax: 1500, total: 11500 });
  });
});

describe("order discount and shipping (VAT on the discounted goods and on delivery)", () => {
  const goods = (lines: [number, number][], bp: number, incl: boolean) =>
    sumAmounts(lines.map(([unit, qty]) => lineAmounts(unit, qty, bp, incl)));

  it("VAT included: discount and shipping each carry their VAT", () => {
    const r = orderAmounts(goods([[11500, 2]], 1500, true), 2300, 2500, 1500, true);
    expect(r.discount).toEqual({ subtotal: 2000, tax: 300, total: 2300 });
    expect(r.shipping).toEqual({ subtotal: 2174, tax: 326, total: 2500 });
    expect(r.totals).toEqual({ subtotal: 20174, tax: 3026, total: 23200 });
  });

  it("VAT excluded: the discount comes off before VAT, shipping gets VAT added", () => {
    const r = orderAmounts(goods([[10000, 2]], 1500, false), 2000, 2500, 1500, false);
    expect(r.totals).toEqual({ subtotal: 20500, tax: 3075, total: 23575 });
  });

  it.each([true, false])("totals always add up and never go negative (inclusive %s)", (incl) => {
    // Small lines whose VAT rounds down one by one: the discount must not take more VAT.
    const g = goods(
      Array.from({ length: 10 }, () => [3, 1] as [number, number]),
      1500,
      incl,
    );
    const price = incl ? g.total : g.subtotal;
    for (const discount of [0, 1, 7, price - 1, price]) {
      const { totals } = orderAmounts(g, discount, 0, 1500, incl);
      expect(totals.subtotal + totals.tax).toBe(totals.total);
      expect(totals.tax).toBeGreaterThanOrEqual(0);
      expect(totals.subtotal).toBeGreaterThanOrEqual(0);
      if (incl) expect(totals.total).toBe(price - discount);
    }
    expect(orderAmounts(g, price, 0, 1500, incl).totals).toEqual({
      subtotal: 0,
      tax: 0,
      total: 0,
    });
  });

  it("a discount above the goods is refused", () => {
    expect(() => orderAmounts(goods([[1000, 1]], 1500, true), 1001, 0, 1500, true)).toThrow(
      DiscountTooBigError,
    );
  });
});
