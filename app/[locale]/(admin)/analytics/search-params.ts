import { MAX_RANGE_DAYS } from "@/lib/analytics/contract";
import { addDays, dateInZone } from "@/components/settings/format";
import { isoDateOrEmpty } from "@/lib/input";
import { firstParam, type RawSearchParams } from "@/lib/search-params";

/** The ranges one click away, in the picker's order; `custom` is any start and end. */
export const RANGE_PRESETS = ["today", "7d", "30d", "month", "last_month", "year"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = "30d";

/** The dashboard's range: days (YYYY-MM-DD, inclusive) in the store's time zone. */
export interface AnalyticsRange {
  preset: RangePreset | "custom";
  startDate: string;
  endDate: string;
  /** The URL asked for a custom range the API would refuse; the default range is shown instead. */
  invalid: boolean;
}

/** A preset's first and last day, counted from `today` (the store's date). */
export function presetDates(preset: RangePreset, today: string): [string, string] {
  const [year, month] = today.split("-");
  switch (preset) {
    case "today":
      return [today, today];
    case "7d":
      return [addDays(today, -6), today];
    case "30d":
      return [addDays(today, -29), today];
    case "month":
      return [`${year}-${month}-01`, today];
    case "last_month": {
      const firstOfThisMonth = `${year}-${month}-01`;
      const lastOfPrevious = addDays(firstOfThisMonth, -1);
      return [`${lastOfPrevious.slice(0, 7)}-01`, lastOfPrevious];
    }
    case "year":
      return [`${year}-01-01`, today];
  }
}

/** Inclusive days from start to end (1 for a single day). */
export function daysInRange(startDate: string, endDate: string): number {
  const ms = Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/**
 * `?range=<preset>` or `?start=YYYY-MM-DD&end=YYYY-MM-DD`; nothing (or anything unknown) is the
 * last 30 days. Presets count from today where the store is, not where the server runs.
 */
export function parseAnalyticsRange(
  raw: RawSearchParams,
  timeZone: string,
  now: Date = new Date(),
): AnalyticsRange {
  const today = dateInZone(now, timeZone);
  const start = isoDateOrEmpty(firstParam(raw.start));
  const end = isoDateOrEmpty(firstParam(raw.end));
  const askedCustom = firstParam(raw.start) !== "" || firstParam(raw.end) !== "";
  if (start && end && start <= end && daysInRange(start, end) <= MAX_RANGE_DAYS) {
    return { preset: "custom", startDate: start, endDate: end, invalid: false };
  }
  const range = firstParam(raw.range);
  const preset = (RANGE_PRESETS as readonly string[]).includes(range)
    ? (range as RangePreset)
    : DEFAULT_PRESET;
  const [startDate, endDate] = presetDates(preset, today);
  return { preset, startDate, endDate, invalid: askedCustom };
}

/** The query string ("?…") that names a range in the dashboard's and the export's URLs. */
export function rangeSearch(range: Pick<AnalyticsRange, "preset" | "startDate" | "endDate">) {
  if (range.preset === "custom") return `?start=${range.startDate}&end=${range.endDate}`;
  return range.preset === DEFAULT_PRESET ? "" : `?range=${range.preset}`;
}
