import { describe, expect, it } from "vitest";
import { trendCsv } from "@/app/[locale]/(admin)/analytics/trend-csv";
import {
  parseAnalyticsRange,
  presetDates,
  rangeSearch,
  type RangePreset,
} from "@/app/[locale]/(admin)/analytics/search-params";

// 21:30 UTC on 31 March is already 1 April in Riyadh (UTC+3).
const NOW = new Date("2026-03-31T21:30:00Z");

describe("the dashboard's date range", () => {
  it.each<[RangePreset, string, string]>([
    ["today", "2026-04-01", "2026-04-01"],
    ["7d", "2026-03-26", "2026-04-01"],
    ["30d", "2026-03-03", "2026-04-01"],
    ["month", "2026-04-01", "2026-04-01"],
    ["last_month", "2026-03-01", "2026-03-31"],
    ["year", "2026-01-01", "2026-04-01"],
  ])("counts %s from today where the store is", (preset, start, end) => {
    expect(parseAnalyticsRange({ range: preset }, "Asia/Riyadh", NOW)).toEqual({
      preset,
      startDate: start,
      endDate: end,
      invalid: false,
    });
  });

  it("takes last month across a year's turn", () => {
    expect(presetDates("last_month", "2027-01-15")).toEqual(["2026-12-01", "2026-12-31"]);
    expect(presetDates("last_month", "2028-03-02")).toEqual(["2028-02-01", "2028-02-29"]);
  });

  it("defaults to the last 30 days, also for an unknown preset", () => {
    for (const raw of [{}, { range: "forever" }, { range: ["7d", "30d"] }]) {
      const range = parseAnalyticsRange(raw, "UTC", NOW);
      expect(range.startDate <= range.endDate).toBe(true);
    }
    expect(parseAnalyticsRange({ range: "forever" }, "UTC", NOW).preset).toBe("30d");
    expect(parseAnalyticsRange({ range: ["7d", "30d"] }, "UTC", NOW).preset).toBe("7d");
  });

  it("reads a custom range, which wins over a preset", () => {
    expect(
      parseAnalyticsRange({ start: "2026-02-01", end: "2026-02-10", range: "7d" }, "UTC", NOW),
    ).toEqual({ preset: "custom", startDate: "2026-02-01", endDate: "2026-02-10", invalid: false });
  });

  it.each([
    ["reversed", { start: "2026-02-10", end: "2026-02-01" }],
    ["half", { start: "2026-02-10" }],
    ["not a date", { start: "2026-02-30", end: "2026-03-01" }],
    ["longer than 731 days", { start: "2024-01-01", end: "2026-01-02" }],
  ])("shows the default range, flagged, for a %s custom range", (_, raw) => {
    expect(parseAnalyticsRange(raw, "UTC", NOW)).toMatchObject({ preset: "30d", invalid: true });
  });

  it("accepts exactly 731 days", () => {
    expect(parseAnalyticsRange({ start: "2024-01-01", end: "2025-12-31" }, "UTC", NOW).preset).toBe(
      "custom",
    );
  });

  it("writes the range back into a query", () => {
    expect(rangeSearch({ preset: "30d", startDate: "", endDate: "" })).toBe("");
    expect(rangeSearch({ preset: "year", startDate: "", endDate: "" })).toBe("?range=year");
    expect(rangeSearch({ preset: "custom", startDate: "2026-02-01", endDate: "2026-02-10" })).toBe(
      "?start=2026-02-01&end=2026-02-10",
    );
  });
});

describe("the trend's CSV", () => {
  it("has a header and a line a day, amounts with the currency's decimals", () => {
    const revenueTrend = [
      { date: "2026-02-01", revenue: 115, orders: 2 },
      { date: "2026-02-02", revenue: 0, orders: 0 },
    ];
    expect(trendCsv({ currency: "SAR", revenueTrend })).toBe(
      "date,orders,revenue,currency\r\n2026-02-01,2,115.00,SAR\r\n2026-02-02,0,0.00,SAR\r\n",
    );
    expect(trendCsv({ currency: "KWD", revenueTrend }).split("\r\n")[1]).toBe(
      "2026-02-01,2,115.000,KWD",
    );
    expect(trendCsv({ currency: "JPY", revenueTrend }).split("\r\n")[1]).toBe(
      "2026-02-01,2,115,JPY",
    );
  });
});
