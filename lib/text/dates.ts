/**
 * Dates as people type them in the admin (docs/arabic-input.md): in the order the page's language
 * writes a short date (English 11/29/2026, Arabic ٢٩/١١/٢٠٢٦), in Latin, Arabic-Indic or Persian
 * digits, with "/", "-", "." or spaces between the parts; an ISO date (2026-11-29) is always
 * understood too. Values travel as ISO `YYYY-MM-DD` (Gregorian, Latin digits), as the browser's
 * own date input would send them.
 */
import { latinDigits } from "./digits";

export type DatePart = "day" | "month" | "year";

/** The order of day, month and year in `locale`'s numeric short date, as Intl writes it. */
export function datePartOrder(locale: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    calendar: "gregory",
    timeZone: "UTC",
  }).formatToParts(new Date(Date.UTC(2026, 10, 29)));
  const order = parts
    .map((part) => part.type)
    .filter((type): type is DatePart => type === "day" || type === "month" || type === "year");
  return order.length === 3 ? order : ["day", "month", "year"];
}

export type TypedDate = { ok: true; iso: string } | { ok: false; reason: "format" | "date" };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A typed date as ISO `YYYY-MM-DD`: "format" when it is not three numbers with a four-digit year,
 * "date" when it names no day of the Gregorian calendar (31/02/2026, year 0).
 */
export function parseTypedDate(text: string, order: DatePart[]): TypedDate {
  // Intl's Arabic dates carry right-to-left marks around the separators; copied text keeps them.
  const clean = latinDigits(text)
    .replace(/[\u200e\u200f\u061c]/g, "")
    .trim();
  const iso = ISO.exec(clean);
  const numbers = iso
    ? { year: iso[1], month: iso[2], day: iso[3] }
    : byOrder(clean.split(/\s*[/\-.\s\u060c]\s*/), order);
  if (!numbers || !/^\d{4}$/.test(numbers.year ?? "")) return { ok: false, reason: "format" };
  if (!/^\d{1,2}$/.test(numbers.month ?? "") || !/^\d{1,2}$/.test(numbers.day ?? "")) {
    return { ok: false, reason: "format" };
  }
  const [year, month, day] = [Number(numbers.year), Number(numbers.month), Number(numbers.day)];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real =
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? { ok: true, iso: isoDate(year, month, day) } : { ok: false, reason: "date" };
}

function byOrder(parts: string[], order: DatePart[]): Partial<Record<DatePart, string>> | null {
  if (parts.length !== 3) return null;
  return Object.fromEntries(order.map((part, index) => [part, parts[index]]));
}

function isoDate(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** An ISO date written back in `order` with two-digit day and month ("29/11/2026"), Latin digits. */
export function typedDateText(iso: string, order: DatePart[]): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const values: Record<DatePart, string> = {
    year: match[1]!,
    month: match[2]!.padStart(2, "0"),
    day: match[3]!.padStart(2, "0"),
  };
  return order.map((part) => values[part]).join("/");
}
