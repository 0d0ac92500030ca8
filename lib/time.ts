/** The UTC instant at which a calendar day (YYYY-MM-DD) starts in a time zone. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const midnightUtc = new Date(`${date}T00:00:00Z`);
  // The zone's offset at that moment, read from Intl; applied once, then rechecked for DST days.
  const offsetAt = (instant: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
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
    const asUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return asUtc - instant.getTime();
  };
  const first = new Date(midnightUtc.getTime() - offsetAt(midnightUtc));
  return new Date(midnightUtc.getTime() - offsetAt(first));
}
