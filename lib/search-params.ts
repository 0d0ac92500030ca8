/**
 * Reading list pages' state from the URL and writing it back: the pieces every list shares.
 * Anything unknown or malformed in a URL falls back to a default rather than reaching the API.
 */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A parameter's first value, trimmed ("" when absent). */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** A whole number from 1 to `max`, else `fallback`. */
export function positiveInt(raw: string, fallback: number, max = 999_999): number {
  if (!/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

/** A real calendar date as YYYY-MM-DD, else "" (the API would answer 422, not an empty list). */
export function isoDate(raw: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return "";
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : "";
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
