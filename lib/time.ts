/** What a timestamp can hold as PostgreSQL reads it: years 1 to 9999 in UTC. */
const FIRST_INSTANT = Date.parse("0001-01-01T00:00:00Z");
const LAST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");
const clamp = (instant: number) =>
  new Date(Math.min(Math.max(instant, FIRST_INSTANT), LAST_INSTANT));

/** The UTC instant at which a calendar day (YYYY-MM-DD) starts in a time zone. */
export function startOfDayIn(date: string, timeZone: string): Date {
  return clamp(dayStart(date, timeZone));
}

/** The instant the day after `date` starts in a time zone: the exclusive end of a date range. */
export function endOfDayIn(date: string, timeZone: string): Date {
  return clamp(dayStart(date, timeZone) + 86_400_000);
}

function dayStart(date: string, timeZone: string): number {
  const midnightUtc = new Date(`${date}T00:00:00Z`);
  // The zone's offset at that moment, read from Intl; applied once, then rechecked for DST days.
  const offsetAt = (instant: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    // Not Date.UTC: it reads years 0 to 99 as 1900 to 1999.
    const asUtc = new Date(0);
    asUtc.setUTCFullYear(
      parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
    );
    asUtc.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
    return asUtc.getTime() - instant.getTime();
  };
  const first = new Date(midnightUtc.getTime() - offsetAt(midnightUtc));
  return midnightUtc.getTime() - offsetAt(first);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** YYYY-MM-DD plus some days (negative: before). Below year 1 the result sorts before "0001". */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from one YYYY-MM-DD to another: 0 for the same day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
