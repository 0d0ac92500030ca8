/**
 * The admin's one formatting layer: numbers, money and dates through Intl with the page's locale
 * and the signed-in person's display preferences (Latin or Arabic-Indic digits, Gregorian or
 * Hijri Umm al-Qura calendar; docs/display-preferences.md).
 *
 * Usage
 * - Server components, pages, route handlers:
 *     import { getDisplayFormatter } from "@/lib/admin/format/server";
 *     const format = await getDisplayFormatter(locale); // or (locale, me.preferences)
 *     format.number(total, { style: "currency", currency });
 *     format.dateTime(new Date(iso), { dateStyle: "medium", timeZone });
 * - Client components (under the admin layout's DisplayPreferencesProvider):
 *     import { useDisplayFormatter } from "@/lib/admin/format/client";
 *     const format = useDisplayFormatter();
 * Both wrap next-intl's formatter with the same explicit Intl options, so the server's HTML and
 * the browser's render agree. Machine formats (YYYY-MM-DD values, CSV, en-CA date keys) do not
 * use this: they stay Latin and Gregorian on purpose.
 */
import type { createFormatter, DateTimeFormatOptions, NumberFormatOptions } from "next-intl";
import type { DisplayPreferences } from "@/lib/sdk";

export type { DisplayPreferences };

/** What a person who never chose sees: Latin digits and the Gregorian calendar, in en and ar. */
export const DEFAULT_DISPLAY_PREFERENCES: DisplayPreferences = {
  digits: "latn",
  calendar: "gregory",
};

type NextIntlFormatter = ReturnType<typeof createFormatter>;

/** next-intl's date options, with Intl's full calendar list (its own type lacks islamic-umalqura). */
export type DisplayDateTimeOptions = Omit<DateTimeFormatOptions, "calendar"> & {
  calendar?: DisplayPreferences["calendar"];
};

/** The formatter every admin page and component uses for what people read. */
export interface DisplayFormatter {
  readonly preferences: DisplayPreferences;
  number(value: number | bigint, options?: NumberFormatOptions): string;
  dateTime(value: Date | number, options?: DisplayDateTimeOptions): string;
  dateTimeRange(start: Date | number, end: Date | number, options?: DisplayDateTimeOptions): string;
  /** "3 minutes ago", counted from `now`. */
  relativeTime(date: Date | number, now: Date | number): string;
}

/** The Intl options the preferences stand for; explicit even for the default (no ICU guessing). */
export function intlOptions(preferences: DisplayPreferences) {
  return {
    number: { numberingSystem: preferences.digits } satisfies NumberFormatOptions,
    dateTime: {
      numberingSystem: preferences.digits,
      calendar: preferences.calendar,
    } satisfies DisplayDateTimeOptions,
  };
}

/** next-intl's formatter (locale, time zone) with the person's digits and calendar applied. */
export function withDisplayPreferences(
  format: NextIntlFormatter,
  preferences: DisplayPreferences = DEFAULT_DISPLAY_PREFERENCES,
): DisplayFormatter {
  const intl = intlOptions(preferences);
  // Intl itself takes any calendar name; only next-intl's declared type is narrower.
  const dates = (options?: DisplayDateTimeOptions) =>
    ({ ...intl.dateTime, ...options }) as DateTimeFormatOptions;
  return {
    preferences,
    number: (value, options) => format.number(value, { ...intl.number, ...options }),
    dateTime: (value, options) => format.dateTime(value, dates(options)),
    dateTimeRange: (start, end, options) => format.dateTimeRange(start, end, dates(options)),
    relativeTime: (date, now) =>
      format.relativeTime(date, { now, numberingSystem: preferences.digits }),
  };
}
