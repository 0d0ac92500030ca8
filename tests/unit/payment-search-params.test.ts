import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIST_STATE,
  nextSort,
  parsePaymentSearchParams,
  paymentSearchString,
  toExportParams,
  toListParams,
  withChanges,
} from "@/app/[locale]/(admin)/payments/search-params";
import { amountSchema, normalizeAmount } from "@/components/payments/amount";

describe("payment list search params", () => {
  it("reads a full query", () => {
    expect(
      parsePaymentSearchParams({
        page: "3",
        limit: "50",
        q: " pi_3Q123 ",
        status: "partially_refunded",
        provider: "stripe",
        from: "2026-02-01",
        to: "2026-01-01",
        sort: "amount",
      }),
    ).toEqual({
      page: 3,
      limit: 50,
      q: "pi_3Q123",
      status: "partially_refunded",
      provider: "stripe",
      // A range typed backwards is put in order.
      from: "2026-01-01",
      to: "2026-02-01",
      sort: "amount",
    });
  });

  it("falls back to the defaults on anything unknown", () => {
    expect(
      parsePaymentSearchParams({
        page: "0",
        limit: "7",
        status: "paid",
        provider: "cash",
        from: "2026-02-30",
        sort: "-total",
      }),
    ).toEqual(DEFAULT_LIST_STATE);
  });

  it("writes short URLs and starts a new filter on page 1", () => {
    const state = { ...DEFAULT_LIST_STATE, page: 4, status: "failed" as const };
    expect(paymentSearchString(state)).toBe("?status=failed&page=4");
    expect(paymentSearchString(withChanges(state, { provider: "manual" }))).toBe(
      "?status=failed&provider=manual",
    );
    expect(paymentSearchString(DEFAULT_LIST_STATE)).toBe("");
  });

  it("maps the state to the SDK's parameters", () => {
    const state = {
      ...DEFAULT_LIST_STATE,
      q: "TRX-1",
      provider: "manual" as const,
      from: "2026-01-01",
    };
    expect(toExportParams(state)).toEqual({
      q: "TRX-1",
      status: undefined,
      provider: "manual",
      startDate: "2026-01-01",
      endDate: undefined,
      sort: "-created_at",
    });
    expect(toListParams(state)).toMatchObject({ page: 1, limit: 20 });
    expect(nextSort("-amount", "amount")).toBe("amount");
    expect(nextSort("amount", "created_at")).toBe("-created_at");
  });
});

describe("refund and manual payment amounts", () => {
  const messages = { required: "required", invalid: "invalid", tooLow: "low", tooHigh: "high" };
  const sar = amountSchema("SAR", 5000, messages);
  const issue = (value: string) => {
    const parsed = sar.safeParse(value);
    return parsed.success ? parsed.data : `!${parsed.error.issues[0]?.message}`;
  };

  it.each([
    ["50", "50"],
    [" 50.00 ", "50.00"],
    ["٤٠٫٥", "40.5"],
    ["", "!required"],
    ["abc", "!invalid"],
    ["1.234", "!invalid"],
    ["0", "!low"],
    ["-5", "!low"],
    ["50.01", "!high"],
  ])("%j -> %j", (input, expected) => {
    expect(issue(input)).toBe(expected);
  });

  it("reads Arabic-Indic digits and separators", () => {
    expect(normalizeAmount("١٢٣٫٤٥")).toBe("123.45");
    expect(normalizeAmount("۱۲")).toBe("12");
  });

  it("allows no decimals where the currency has none", () => {
    expect(amountSchema("JPY", 1000, messages).safeParse("10.5").success).toBe(false);
    expect(amountSchema("KWD", 10_000, messages).safeParse("1.250").success).toBe(true);
  });
});
