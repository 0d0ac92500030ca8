import { describe, expect, it } from "vitest";
import { endOfDayIn, startOfDayIn } from "@/lib/time";

describe("startOfDayIn", () => {
  it.each([
    ["2026-11-25", "Asia/Riyadh", "2026-11-24T21:00:00.000Z"],
    ["2026-11-25", "UTC", "2026-11-25T00:00:00.000Z"],
    ["2026-03-29", "Europe/London", "2026-03-29T00:00:00.000Z"],
    ["2026-07-01", "Europe/London", "2026-06-30T23:00:00.000Z"],
    ["2026-11-01", "America/New_York", "2026-11-01T04:00:00.000Z"],
    ["2026-01-01", "Asia/Kolkata", "2025-12-31T18:30:00.000Z"],
  ])("%s in %s starts at %s", (date, tz, iso) => {
    expect(startOfDayIn(date, tz).toISOString()).toBe(iso);
  });
});

describe("the first and last days a timestamp holds (years 1 to 9999)", () => {
  it.each([
    ["0001-01-01", "UTC", "0001-01-01T00:00:00.000Z"],
    ["0050-06-15", "UTC", "0050-06-15T00:00:00.000Z"],
    ["0099-06-15", "Asia/Riyadh", "0099-06-14T20:53:08.000Z"],
    ["0002-01-01", "America/New_York", "0002-01-01T04:56:02.000Z"],
    // Before year 1 would be year 0, which PostgreSQL cannot read: clamped to the first instant.
    ["0001-01-01", "Asia/Riyadh", "0001-01-01T00:00:00.000Z"],
    ["9999-12-31", "America/New_York", "9999-12-31T05:00:00.000Z"],
  ])("%s in %s starts at %s", (date, tz, iso) => {
    expect(startOfDayIn(date, tz).toISOString()).toBe(iso);
  });

  it.each([
    ["2026-11-25", "Asia/Riyadh", "2026-11-25T21:00:00.000Z"],
    ["0001-01-01", "America/New_York", "0001-01-02T04:56:02.000Z"],
    ["0001-01-01", "Asia/Riyadh", "0001-01-01T20:53:08.000Z"],
    // The next day would be year 10000 in UTC: clamped to the last instant.
    ["9999-12-31", "America/New_York", "9999-12-31T23:59:59.999Z"],
    ["9999-12-31", "UTC", "9999-12-31T23:59:59.999Z"],
  ])("the day %s in %s ends before %s", (date, tz, iso) => {
    expect(endOfDayIn(date, tz).toISOString()).toBe(iso);
  });
});
