import {
  PAYMENT_SORTS,
  PAYMENT_STATUSES,
  PROVIDER_NAMES,
  type PaymentStatus,
  type ProviderName,
} from "@/lib/payments/contract";
import type { PaymentListParams } from "@/lib/sdk";
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
  type RawSearchParams,
} from "@/lib/search-params";

export type PaymentSort = (typeof PAYMENT_SORTS)[number];
/** The columns the table can sort by; each maps to `sort` and `-sort`. */
export type SortColumn = "created_at" | "amount";

/** The list's state, all of it in the URL so a filtered page can be shared or reloaded. */
export interface PaymentListState {
  page: number;
  limit: number;
  /** A provider id (pi_…, a PayPal order or capture id) or a manual payment's reference. */
  q: string;
  status: PaymentStatus | null;
  provider: ProviderName | null;
  /** YYYY-MM-DD in the store's time zone; either end may be open. */
  from: string;
  to: string;
  sort: PaymentSort;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_LIST_STATE: PaymentListState = {
  page: 1,
  limit: 20,
  q: "",
  status: null,
  provider: null,
  from: "",
  to: "",
  sort: "-created_at",
};

/** The list's URL state for the page, its links and the filters' client hooks. */
export const paymentSearchParsers = {
  // The API's own limit (200 characters).
  q: parseAsText(200),
  status: parseAsOneOf(PAYMENT_STATUSES),
  provider: parseAsOneOf(PROVIDER_NAMES),
  from: parseAsDate(),
  to: parseAsDate(),
  sort: parseAsOneOf(PAYMENT_SORTS).withDefault(DEFAULT_LIST_STATE.sort),
  limit: parseAsPageSize(PAGE_SIZES, DEFAULT_LIST_STATE.limit),
  page: parseAsPage(100_000),
};

const loadPaymentSearchParams = createSearchParamsLoader(paymentSearchParsers);

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export function parsePaymentSearchParams(raw: RawSearchParams): PaymentListState {
  const state = loadPaymentSearchParams(raw);
  // A range typed backwards still means the days between the two dates.
  return { ...state, ...dateRange(state.from, state.to) };
}

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export const paymentSearchString = createSearchString(paymentSearchParsers);

/** The same state with some filters changed; a new filter starts again at page 1. */
export function withChanges(
  state: PaymentListState,
  changes: Partial<PaymentListState>,
): PaymentListState {
  return { ...state, page: 1, ...changes };
}

export function hasFilters(state: PaymentListState): boolean {
  return Boolean(state.q || state.status || state.provider || state.from || state.to);
}

/** What the SDK's `payments.exportCsv` takes: the list's filters, not its page. */
export function toExportParams(state: PaymentListState) {
  return {
    q: state.q || undefined,
    status: state.status ?? undefined,
    provider: state.provider ?? undefined,
    startDate: state.from || undefined,
    endDate: state.to || undefined,
    sort: state.sort,
  } satisfies PaymentListParams;
}

/** What the SDK's `payments.list` takes for this state. */
export function toListParams(state: PaymentListState): PaymentListParams {
  return { ...toExportParams(state), page: state.page, limit: state.limit };
}

/** Clicking a column sorts newest/largest first, then toggles. */
export function nextSort(current: PaymentSort, column: SortColumn): PaymentSort {
  return current === `-${column}` ? column : `-${column}`;
}

export { sortDirection };
