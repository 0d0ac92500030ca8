/**
 * List pages' state in the URL, through nuqs (docs/decisions/0011-nuqs-url-state.md): parsers
 * shared by the server page (a loader), the links it renders (a serializer) and client hooks
 * (`useQueryStates`). Anything unknown, malformed or refused by the API (NUL, a lone surrogate,
 * a date outside years 1-9999) falls back to the default rather than reaching the API.
 */
import {
  createLoader,
  createParser,
  createSerializer,
  type inferParserType,
  type Nullable,
  type ParserMap,
  type UrlKeys,
} from "nuqs/server";
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

/** A loaded state with its from-to range made valid and put in order (see dateRange). */
export function withDateRange<S extends { from: string; to: string }>(state: S): S {
  return { ...state, ...dateRange(state.from, state.to) };
}

/** A log's page and from-to range as the API's list parameters (empty dates left out). */
export function rangeListParams(state: { page: number; from: string; to: string }, limit: number) {
  return {
    page: state.page,
    limit,
    startDate: state.from || undefined,
    endDate: state.to || undefined,
  };
}

/** `value` when it is one of `allowed`, else null. */
export function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** A parser from a function of the trimmed, API-storable value (null: fall back). */
export function textParser<T>(
  read: (text: string) => T | null,
  write: (value: T) => string = String,
) {
  return createParser<T>({ parse: (raw) => read(firstParam(raw)), serialize: write });
}

/** Search text cut to the API's `max` characters; "" when absent. */
export const parseAsText = (max: number) =>
  textParser((text) => clip(text, max) || null).withDefault("");

/** A page number from 1 to `max`; 1 when absent (and left out of URLs). */
export const parseAsPage = (max = 999_999) =>
  textParser((text) => positiveInt(text, 0, max) || null).withDefault(1);

/** One of the page sizes offered. */
export const parseAsPageSize = (sizes: readonly number[], fallback: number) =>
  textParser((text) => {
    const n = positiveInt(text, 0, 100);
    return sizes.includes(n) ? n : null;
  }).withDefault(fallback);

/** One of `allowed` (a status, a sort), else null. */
export const parseAsOneOf = <T extends string>(allowed: readonly T[]) =>
  textParser((text) => oneOf(allowed, text));

/** A date the API accepts (YYYY-MM-DD, years 1-9999); "" when absent. */
export const parseAsDate = () => textParser((text) => isoDate(text) || null).withDefault("");

/**
 * A loader for a page's `searchParams`. Each value is screened first (firstParam): nuqs reads
 * through URLSearchParams, which would turn a lone surrogate into U+FFFD and so let it through.
 */
export function createSearchParamsLoader<P extends ParserMap>(parsers: P, urlKeys?: UrlKeys<P>) {
  const load = createLoader(parsers, { urlKeys });
  return (raw: RawSearchParams) =>
    load(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, firstParam(value)])));
}

/**
 * The query string for a state with a leading "?" (or ""): defaults and empty values left out,
 * keys in the parsers' order, encoded as URLSearchParams does (nuqs leaves `@` and Arabic raw).
 */
export function createSearchString<P extends ParserMap>(parsers: P, urlKeys?: UrlKeys<P>) {
  const serialize = createSerializer(parsers, { urlKeys });
  return (state: Partial<Nullable<inferParserType<P>>>): string => {
    const search = new URLSearchParams(serialize(state)).toString();
    return search ? `?${search}` : "";
  };
}

/** A log's date range and page, last in its parsers (so last in its URLs). */
export const rangeParsers = () => ({ from: parseAsDate(), to: parseAsDate(), page: parseAsPage() });

/**
 * A date-filtered log's URL state (audit log, webhook deliveries): `parse` reads the query, anything
 * unknown or malformed falling back to no filter and the range made valid and in order;
 * `searchString` writes it back (see createSearchString).
 */
export function createRangeLogQuery<P extends ParserMap>(parsers: P, urlKeys?: UrlKeys<P>) {
  const load = createSearchParamsLoader(parsers, urlKeys);
  type State = inferParserType<P> & { from: string; to: string };
  return {
    parse: (raw: RawSearchParams): State => withDateRange(load(raw) as State),
    searchString: createSearchString(parsers, urlKeys),
  };
}

/** How a column is sorted by `current` (`name` ascending, `-name` descending), for aria-sort. */
export function sortDirection(current: string, column: string): "ascending" | "descending" | null {
  if (current === column) return "ascending";
  if (current === `-${column}`) return "descending";
  return null;
}
