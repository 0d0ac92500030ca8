import { ORDER_SORTS, ORDER_STATUSES, type OrderStatus } from "@/lib/orders/contract";
import type { OrderListParams } from "@/lib/sdk";
import {
  clip,
  dateRange,
  firstParam,
  oneOf,
  positiveInt,
  queryString,
  sortDirection,
  type RawSearchParams,
} from "@/lib/search-params";

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

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export function parseOrderSearchParams(raw: RawSearchParams): OrderListState {
  const limit = positiveInt(firstParam(raw.limit), DEFAULT_LIST_STATE.limit, 100);
  const source = firstParam(raw.source).toLowerCase();
  return {
    page: positiveInt(firstParam(raw.page), 1, 100_000),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_STATE.limit,
    // The API's own limits (200 and 40 characters).
    q: clip(firstParam(raw.q), 200),
    status: oneOf(ORDER_STATUSES, firstParam(raw.status)),
    source: /^[a-z0-9_-]{1,40}$/.test(source) ? source : "",
    // A range typed backwards still means the days between the two dates.
    ...dateRange(firstParam(raw.from), firstParam(raw.to)),
    sort: oneOf(ORDER_SORTS, firstParam(raw.sort)) ?? DEFAULT_LIST_STATE.sort,
  };
}

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export function orderSearchString(state: Partial<OrderListState>): string {
  const { q, status, source, from, to, sort, limit, page } = { ...DEFAULT_LIST_STATE, ...state };
  return queryString({
    q,
    status,
    source,
    from,
    to,
    sort: sort === DEFAULT_LIST_STATE.sort ? null : sort,
    limit: limit === DEFAULT_LIST_STATE.limit ? null : limit,
    page,
  });
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

export { sortDirection };
