import { ValidationError } from "@/lib/errors";
import { addDays, daysBetween } from "@/lib/time";
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS } from "./contract";

/** Calendar days in the store's time zone, both inclusive. */
export interface DayRange {
  start: string;
  end: string;
}

const FIRST_DAY = "0001-01-01";

/**
 * The range asked for (default: the last 30 days up to today) and the one before it of the same
 * length, for the comparison; null when that would start before year 1.
 */
export function overviewRanges(
  query: { start_date?: string; end_date?: string },
  today: string,
): { current: DayRange; previous: DayRange | null } {
  const end =
    query.end_date ?? (query.start_date && query.start_date > today ? query.start_date : today);
  const start = query.start_date ?? addDays(end, 1 - DEFAULT_RANGE_DAYS);
  if (start > end)
    throw new ValidationError("start_date is after end_date", [
      { field: "start_date", message: "Must be on or before end_date", code: "RANGE_REVERSED" },
    ]);
  const days = daysBetween(start, end) + 1;
  if (days > MAX_RANGE_DAYS)
    throw new ValidationError(`The range is ${days} days; at most ${MAX_RANGE_DAYS}`, [
      {
        field: "start_date",
        message: `At most ${MAX_RANGE_DAYS} days (two years) from start_date to end_date`,
        code: "RANGE_TOO_LONG",
      },
    ]);
  const previousStart = addDays(start, -days);
  return {
    current: { start: start < FIRST_DAY ? FIRST_DAY : start, end },
    previous: previousStart < FIRST_DAY ? null : { start: previousStart, end: addDays(start, -1) },
  };
}

/** Every day of a range, in order (counted: past 9999-12-31 the next day's text sorts first). */
export function daysOf(range: DayRange): string[] {
  const count = daysBetween(range.start, range.end) + 1;
  return Array.from({ length: count }, (_, i) => addDays(range.start, i));
}
