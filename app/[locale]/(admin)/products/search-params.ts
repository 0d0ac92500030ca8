import { PRODUCT_STATUSES, SORTS, type ProductStatus } from "@/lib/products/contract";
import type { ProductListParams } from "@/lib/sdk";

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

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function positiveInt(raw: string, fallback: number, max: number): number {
  if (!/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

/** Reads the list's state from the query; anything unknown or malformed falls back to defaults. */
export function parseProductSearchParams(raw: RawSearchParams): ProductListState {
  const status = first(raw.status);
  const sort = first(raw.sort);
  const limit = positiveInt(first(raw.limit), DEFAULT_LIST_STATE.limit, 100);
  return {
    page: positiveInt(first(raw.page), 1, 100_000),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_STATE.limit,
    // The API's own limits (200 and 100 characters): longer input would be a 422, not a search.
    q: first(raw.q).slice(0, 200),
    status: (PRODUCT_STATUSES as readonly string[]).includes(status)
      ? (status as ProductStatus)
      : null,
    category: first(raw.category).slice(0, 100),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as ProductSort) : "-created_at",
  };
}

/** The query string for a state (defaults left out, so URLs stay short), with a leading "?". */
export function productSearchString(state: Partial<ProductListState>): string {
  const full = { ...DEFAULT_LIST_STATE, ...state };
  const query = new URLSearchParams();
  if (full.q) query.set("q", full.q);
  if (full.status) query.set("status", full.status);
  if (full.category) query.set("category", full.category);
  if (full.sort !== DEFAULT_LIST_STATE.sort) query.set("sort", full.sort);
  if (full.limit !== DEFAULT_LIST_STATE.limit) query.set("limit", String(full.limit));
  if (full.page !== 1) query.set("page", String(full.page));
  const search = query.toString();
  return search ? `?${search}` : "";
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

export function sortDirection(
  current: ProductSort,
  column: SortColumn,
): "ascending" | "descending" | null {
  if (current === column) return "ascending";
  if (current === `-${column}`) return "descending";
  return null;
}
