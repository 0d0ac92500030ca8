/**
 * Reading list pages' state from the URL and writing it back: the pieces every list shares.
 * Anything unknown or malformed in a URL falls back to a default rather than reaching the API.
 */
import { isoDateOrEmpty, textProblem } from "@/lib/input";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A parameter's first value, trimmed ("" when absent, or text the API refuses: docs/api.md). */
export function firstParam(value: string | string[] | undefined): string {
  const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  return textProblem(text) ? "" : text;
}

/** At most `max` UTF-16 units (the API's length), without leaving half of a surrogate pair. */
export function clip(text: string, max: number): string {
  const cut = text.slice(0, max);
  return textProblem(cut) === "lone_surrogate" ? cut.slice(0, -1) : cut;
}

/** A whole number from 1 to `max`, else `fallback`. */
export function positiveInt(raw: string, fallback: number, max = 999_999): number {
  if (!/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

/** A real calendar date in years 1 to 9999 as YYYY-MM-DD, else "" (the API would answer 422). */
export function isoDate(raw: string): string {
  return isoDateOrEmpty(raw);
}

/** From and to as valid dates, swapped when given the wrong way round. */
export function dateRange(rawFrom: string, rawTo: string): { from: string; to: string } {
  const from = isoDate(rawFrom);
  const to = isoDate(rawTo);
  return from && to && from > to ? { from: to, to: from } : { from, to };
}

/** `value` when it is one of `allowed`, else null. */
export function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A query string with a leading "?" (or ""), leaving out empty values and page 1. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (key === "page" && value === 1) continue;
    query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `?${search}` : "";
}

/** How a column is sorted by `current` (`name` ascending, `-name` descending), for aria-sort. */
export function sortDirection(current: string, column: string): "ascending" | "descending" | null {
  if (current === column) return "ascending";
  if (current === `-${column}`) return "descending";
  return null;
}
