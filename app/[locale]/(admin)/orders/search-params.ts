import { ORDER_SORTS, ORDER_STATUSES, type OrderStatus } from "@/lib/orders/contract";
import type { OrderListParams } from "@/lib/sdk";
import {
  createSearchParamsLoader,
  createSearchString,
  dateRange,
  parseAsDate,
  parseAsOneOf,
  parseAsPage,
  parseAsPageSize,
  parseAsText,
  sortDirection,
  textParser,
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

/** The list's URL state for the page, its links and client hooks (`useQueryStates`). */
export const orderSearchParsers = {
  // The API's own limits (200 and 40 characters).
  q: parseAsText(200),
  status: parseAsOneOf(ORDER_STATUSES),
  source: textParser((text) => {
    const source = text.toLowerCase();
    return /^[a-z0-9_-]{1,40}$/.test(source) ? source : null;
  }).withDefault(""),
  from: parseAsDate(),
  to: parseAsDate(),
  sort: parseAsOneOf(ORDER_SORTS).withDefault(DEFAULT_LIST_STATE.sort),
  limit: parseAsPageSize(PAGE_SIZES, DEFAULT_LIST_STATE.limit),
  page: parseAsPage(100_000),
};

const loadOrderSearchParams = createSearchParamsLoader(orderSearchParsers);

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export function parseOrderSearchParams(raw: RawSearchParams): OrderListState {
  const state = loadOrderSearchParams(raw);
  // A range typed backwards still means the days between the two dates.
  return { ...state, ...dateRange(state.from, state.to) };
}

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export const orderSearchString = createSearchString(orderSearchParsers);

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
