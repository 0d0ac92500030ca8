import { DEFAULT_TIME_ZONE } from "@/lib/admin/i18n/time-zone";

/** The store's time zone if Intl knows it, else the app's default, so formatting never throws. */
export function storeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

// Calendar-day helpers live in lib/time.ts (the API uses them too).
export { addDays, dateInZone } from "@/lib/time";
