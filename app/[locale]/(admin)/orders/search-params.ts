import { ORDER_SORTS, ORDER_STATUSES, type OrderStatus } from "@/lib/orders/contract";
import type { OrderListParams } from "@/lib/sdk";

export type OrderSort = (typeof ORDER_SORTS)[number];
/** The columns the table can sort by; each maps to `sort` and `-sort`. */
export type SortColumn = "created_at" | "total";

/** The list's state, all of it in the URL so a filtered page can be shared or reloaded. */
export interface OrderListState {
  page: number;
  limit: number;
  /** An order number (whole or its last digits) or the start of a customer email. */
  q: string;
  status: OrderStatus | null;
  source: string;
  /** YYYY-MM-DD in the store's time zone; either end may be open. */
  from: string;
  to: string;
  sort: OrderSort;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_LIST_STATE: OrderListState = {
  page: 1,
  limit: 20,
  q: "",
  status: null,
  source: "",
  from: "",
  to: "",
  sort: "-created_at",
};

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function positiveInt(raw: string, fallback: number, max: number): number {
  if (!/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

/** A real calendar date as YYYY-MM-DD, else "" (the API would answer 422, not an empty list). */
function isoDate(raw: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return "";
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : "";
}

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export function parseOrderSearchParams(raw: RawSearchParams): OrderListState {
  const status = first(raw.status);
  const sort = first(raw.sort);
  const limit = positiveInt(first(raw.limit), DEFAULT_LIST_STATE.limit, 100);
  let from = isoDate(first(raw.from));
  let to = isoDate(first(raw.to));
  // A range typed backwards still means the days between the two dates.
  if (from && to && from > to) [from, to] = [to, from];
  const source = first(raw.source).toLowerCase();
  return {
    page: positiveInt(first(raw.page), 1, 100_000),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_STATE.limit,
    // The API's own limits (200 and 40 characters).
    q: first(raw.q).slice(0, 200),
    status: (ORDER_STATUSES as readonly string[]).includes(status) ? (status as OrderStatus) : null,
    source: /^[a-z0-9_-]{1,40}$/.test(source) ? source : "",
    from,
    to,
    sort: (ORDER_SORTS as readonly string[]).includes(sort) ? (sort as OrderSort) : "-created_at",
  };
}

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export function orderSearchString(state: Partial<OrderListState>): string {
  const full = { ...DEFAULT_LIST_STATE, ...state };
  const query = new URLSearchParams();
  if (full.q) query.set("q", full.q);
  if (full.status) query.set("status", full.status);
  if (full.source) query.set("source", full.source);
  if (full.from) query.set("from", full.from);
  if (full.to) query.set("to", full.to);
  if (full.sort !== DEFAULT_LIST_STATE.sort) query.set("sort", full.sort);
  if (full.limit !== DEFAULT_LIST_STATE.limit) query.set("limit", String(full.limit));
  if (full.page !== 1) query.set("page", String(full.page));
  const search = query.toString();
  return search ? `?${search}` : "";
}

/** The same state with some filters changed; a new filter starts again at page 1. */
export function withChanges(
  state: OrderListState,
  changes: Partial<OrderListState>,
): OrderListState {
  return { ...state, page: 1, ...changes };
}

export function hasFilters(state: OrderListState): boolean {
  return Boolean(state.q || state.status || state.source || state.from || state.to);
}

/** What the SDK's `orders.exportCsv` takes: the list's filters, not its page. */
export function toExportParams(state: OrderListState) {
  return {
    q: state.q || undefined,
    status: state.status ?? undefined,
    source: state.source || undefined,
    startDate: state.from || undefined,
    endDate: state.to || undefined,
    sort: state.sort,
  } satisfies OrderListParams;
}

/** What the SDK's `orders.list` takes for this state. */
export function toListParams(state: OrderListState): OrderListParams {
  return { ...toExportParams(state), page: state.page, limit: state.limit };
}

/** Clicking a column sorts newest/largest first, then toggles. */
export function nextSort(current: OrderSort, column: SortColumn): OrderSort {
  return current === `-${column}` ? column : `-${column}`;
}

export function sortDirection(
  current: OrderSort,
  column: SortColumn,
): "ascending" | "descending" | null {
  if (current === column) return "ascending";
  if (current === `-${column}`) return "descending";
  return null;
}
