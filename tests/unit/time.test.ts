import { describe, expect, it } from "vitest";
import { startOfDayIn } from "@/lib/time";

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
