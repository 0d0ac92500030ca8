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

/**
 * A range as the whole calendar months it holds (first days of the first and last, or null) and
 * the days at its ends outside them: at most two runs, since only the first and last month of a
 * range can be partial. Long ranges read months from the month rollups and only these days
 * from the daily ones.
 */
export function monthCover(range: DayRange): { months: DayRange | null; days: DayRange[] } {
  const days: DayRange[] = [];
  let months = null as DayRange | null;
  let left = daysBetween(range.start, range.end) + 1;
  let day = range.start;
  while (left > 0) {
    const first = `${day.slice(0, 7)}-01`;
    const offset = daysBetween(first, day);
    const taken = Math.min(daysInMonth(day) - offset, left);
    if (offset === 0 && taken === daysInMonth(day))
      months = { start: months?.start ?? first, end: first };
    else days.push({ start: day, end: addDays(day, taken - 1) });
    left -= taken;
    day = addDays(day, taken);
  }
  return { months, days };
}

function daysInMonth(day: string): number {
  // Day 0 of the next month; setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 19xx.
  const d = new Date(0);
  d.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0);
  return d.getUTCDate();
}
