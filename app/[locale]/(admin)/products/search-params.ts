import { PRODUCT_STATUSES, SORTS, type ProductStatus } from "@/lib/products/contract";
import type { ProductListParams } from "@/lib/sdk";
import {
  clip,
  firstParam,
  oneOf,
  positiveInt,
  queryString,
  sortDirection,
  type RawSearchParams,
} from "@/lib/search-params";

export type ProductSort = (typeof SORTS)[number];
/** The columns the table can sort by; each maps to `sort` and `-sort`. */
export type SortColumn = "name" | "price" | "inventory" | "updated_at";

/** The list's state, all of it in the URL so a filtered page can be shared or reloaded. */
export interface ProductListState {
  page: number;
  limit: number;
  q: string;
  status: ProductStatus | null;
  category: string;
  sort: ProductSort;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_LIST_STATE: ProductListState = {
  page: 1,
  limit: 20,
  q: "",
  status: null,
  category: "",
  sort: "-created_at",
};

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export function parseProductSearchParams(raw: RawSearchParams): ProductListState {
  const limit = positiveInt(firstParam(raw.limit), DEFAULT_LIST_STATE.limit, 100);
  return {
    page: positiveInt(firstParam(raw.page), 1, 100_000),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_STATE.limit,
    // The API's own limits (200 and 100 characters): longer input would be a 422, not a search.
    q: clip(firstParam(raw.q), 200),
    status: oneOf(PRODUCT_STATUSES, firstParam(raw.status)),
    category: clip(firstParam(raw.category), 100),
    sort: oneOf(SORTS, firstParam(raw.sort)) ?? DEFAULT_LIST_STATE.sort,
  };
}

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export function productSearchString(state: Partial<ProductListState>): string {
  const { q, status, category, sort, limit, page } = { ...DEFAULT_LIST_STATE, ...state };
  return queryString({
    q,
    status,
    category,
    sort: sort === DEFAULT_LIST_STATE.sort ? null : sort,
    limit: limit === DEFAULT_LIST_STATE.limit ? null : limit,
    page,
  });
}

/** The same state with some filters changed; a new filter starts again at page 1. */
export function withChanges(
  state: ProductListState,
  changes: Partial<ProductListState>,
): ProductListState {
  return { ...state, page: 1, ...changes };
}

export function hasFilters(state: ProductListState): boolean {
  return Boolean(state.q || state.status || state.category);
}

/** What the SDK's `products.list` takes for this state. */
/** The list's API query. Sorting by name sorts by the name in the page's language. */
export function toListParams(state: ProductListState, locale: string): ProductListParams {
  const sort =
    locale === "ar" && (state.sort === "name" || state.sort === "-name")
      ? (`${state.sort}_ar` as const)
      : state.sort;
  return {
    page: state.page,
    limit: state.limit,
    sort,
    q: state.q || undefined,
    status: state.status ?? undefined,
    category: state.category || undefined,
  };
}

/** The export uses the list's filters (not its page or order). */
export function toExportParams(state: ProductListState) {
  return {
    q: state.q || undefined,
    status: state.status ?? undefined,
    category: state.category || undefined,
  };
}

/** Clicking a column sorts ascending first, then toggles. */
export function nextSort(current: ProductSort, column: SortColumn): ProductSort {
  return current === column ? `-${column}` : column;
}

export { sortDirection };
