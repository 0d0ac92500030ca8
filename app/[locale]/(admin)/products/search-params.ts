import { PRODUCT_STATUSES, SORTS, type ProductStatus } from "@/lib/products/contract";
import type { ProductListParams } from "@/lib/sdk";
import {
  createSearchParamsLoader,
  createSearchString,
  parseAsOneOf,
  parseAsPage,
  parseAsPageSize,
  parseAsText,
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

/** The list's URL state for the page, its links and client hooks (`useQueryStates`). */
export const productSearchParsers = {
  // The API's own limits (200 and 100 characters): longer input would be a 422, not a search.
  q: parseAsText(200),
  status: parseAsOneOf(PRODUCT_STATUSES),
  category: parseAsText(100),
  sort: parseAsOneOf(SORTS).withDefault(DEFAULT_LIST_STATE.sort),
  limit: parseAsPageSize(PAGE_SIZES, DEFAULT_LIST_STATE.limit),
  page: parseAsPage(100_000),
};

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export const parseProductSearchParams: (raw: RawSearchParams) => ProductListState =
  createSearchParamsLoader(productSearchParsers);

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export const productSearchString = createSearchString(productSearchParsers);

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
