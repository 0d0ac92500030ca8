import { describe, expect, it } from "vitest";
import { formatMoney } from "@/app/[locale]/pay/[token]/_components/money";

// The hosted checkout's amounts: Intl's words in the page's language; in Arabic a Latin currency
// symbol after the number ("US$") is isolated, or its "$" breaks away in RTL text.
const LRI = "\u2066";
const PDI = "\u2069";

describe("formatMoney", () => {
  it.each([
    ["en", 210.5, "SAR", "SAR\u00a0210.50"],
    ["en", 210.5, "USD", "$210.50"],
    ["en", 9.5, "KWD", "KWD\u00a09.500"],
  ] as const)("%s %d %s -> %s", (locale, amount, currency, expected) => {
    expect(formatMoney(locale, amount, currency)).toBe(expected);
  });

  it("keeps an Arabic currency sign as Intl writes it", () => {
    const sar = formatMoney("ar", 210.5, "SAR");
    expect(sar).toBe(
      new Intl.NumberFormat("ar", { style: "currency", currency: "SAR" }).format(210.5),
    );
    expect(sar).not.toContain(LRI);
  });

  it.each([
    ["USD", "US$"],
    ["GBP", "UK£"],
  ])("isolates %s's Latin symbol in Arabic, once", (currency, symbol) => {
    const text = formatMoney("ar", 90, currency);
    expect(text).toContain(`${LRI}${symbol}${PDI}`);
    expect(text.replace(/[\u2066\u2069]/g, "")).toBe(
      new Intl.NumberFormat("ar", { style: "currency", currency }).format(90),
    );
    expect(text.match(/\u2066/g)).toHaveLength(1);
  });
});
