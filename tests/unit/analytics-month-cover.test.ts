import { describe, expect, it } from "vitest";
import { daysOf, monthCover, type DayRange } from "@/lib/analytics/range";

/** Each day of the range, and whether the cover holds it in a whole month, a run of days, or both. */
function placed(range: DayRange, cover: ReturnType<typeof monthCover>) {
  const inMonths = (day: string) =>
    cover.months !== null &&
    day.slice(0, 7) >= cover.months.start.slice(0, 7) &&
    day.slice(0, 7) <= cover.months.end.slice(0, 7);
  const inDays = (day: string) => cover.days.some((r) => day >= r.start && day <= r.end);
  return daysOf(range).map((day) => [inMonths(day), inDays(day)]);
}

describe("a range as whole months and the days at its ends", () => {
  it.each<[string, DayRange, ReturnType<typeof monthCover>]>([
    [
      "a year from mid-month",
      { start: "2025-11-30", end: "2026-11-29" },
      {
        months: { start: "2025-12-01", end: "2026-10-01" },
        days: [
          { start: "2025-11-30", end: "2025-11-30" },
          { start: "2026-11-01", end: "2026-11-29" },
        ],
      },
    ],
    [
      "whole months only, February of a leap year included",
      { start: "2024-01-01", end: "2024-02-29" },
      { months: { start: "2024-01-01", end: "2024-02-01" }, days: [] },
    ],
    [
      "February of a common year ends on the 28th",
      { start: "2026-02-01", end: "2026-02-28" },
      { months: { start: "2026-02-01", end: "2026-02-01" }, days: [] },
    ],
    [
      "a few days inside one month",
      { start: "2026-03-03", end: "2026-03-09" },
      { months: null, days: [{ start: "2026-03-03", end: "2026-03-09" }] },
    ],
    [
      "the last days of the calendar",
      { start: "9999-11-15", end: "9999-12-31" },
      {
        months: { start: "9999-12-01", end: "9999-12-01" },
        days: [{ start: "9999-11-15", end: "9999-11-30" }],
      },
    ],
    [
      "the first days of the calendar (year 1, not 1901)",
      { start: "0001-01-01", end: "0001-02-10" },
      {
        months: { start: "0001-01-01", end: "0001-01-01" },
        days: [{ start: "0001-02-01", end: "0001-02-10" }],
      },
    ],
  ])("%s", (_, range, expected) => {
    const cover = monthCover(range);
    expect(cover).toEqual(expected);
    // Each day once, either way.
    expect(placed(range, cover).every(([month, day]) => month !== day)).toBe(true);
  });
});
