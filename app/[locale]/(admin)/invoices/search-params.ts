import { INVOICE_KINDS, type InvoiceKind } from "@/lib/invoices/constants";
import type { InvoiceListParams } from "@/lib/sdk";
import {
  createSearchParamsLoader,
  createSearchString,
  dateRange,
  parseAsDate,
  parseAsOneOf,
  parseAsPage,
  parseAsPageSize,
  parseAsText,
  type RawSearchParams,
} from "@/lib/search-params";

/** The invoices list's state, all of it in the URL (docs/decisions/0011-nuqs-url-state.md). */
export interface InvoiceListState {
  page: number;
  limit: number;
  /** An INV-, CN- or BS- number, or its digits. */
  q: string;
  kind: InvoiceKind | null;
  /** YYYY-MM-DD in the store's time zone; either end may be open. */
  from: string;
  to: string;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_LIMIT = 20;

export const invoiceSearchParsers = {
  q: parseAsText(200),
  kind: parseAsOneOf(INVOICE_KINDS),
  from: parseAsDate(),
  to: parseAsDate(),
  limit: parseAsPageSize(PAGE_SIZES, DEFAULT_LIMIT),
  page: parseAsPage(100_000),
};

const load = createSearchParamsLoader(invoiceSearchParsers);

/** Reads the list's state; anything unknown or malformed falls back to the defaults. */
export function parseInvoiceSearchParams(raw: RawSearchParams): InvoiceListState {
  const state = load(raw);
  return { ...state, ...dateRange(state.from, state.to) };
}

export const invoiceSearchString = createSearchString(invoiceSearchParsers);

export function hasFilters(state: InvoiceListState): boolean {
  return Boolean(state.q || state.kind || state.from || state.to);
}

/** The SDK's `invoices.exportCsv` parameters: the list's filters, not its page. */
export function toExportParams(state: InvoiceListState) {
  return {
    q: state.q || undefined,
    kind: state.kind ?? undefined,
    startDate: state.from || undefined,
    endDate: state.to || undefined,
  } satisfies InvoiceListParams;
}
