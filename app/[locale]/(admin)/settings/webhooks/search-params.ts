import { DELIVERY_STATUSES, LOG_EVENTS, type DeliveryStatus } from "@/components/webhooks/events";
import {
  createSearchParamsLoader,
  createSearchString,
  dateRange,
  parseAsDate,
  parseAsOneOf,
  parseAsPage,
  type RawSearchParams,
} from "@/lib/search-params";

export const PAGE_SIZE = 20;

/** The delivery log's filters and page, all in the URL so a filtered view can be shared. */
export interface DeliveryListState {
  page: number;
  event: (typeof LOG_EVENTS)[number] | null;
  status: DeliveryStatus | null;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

/** The log's URL state for the page, its links and client hooks (`useQueryStates`). */
export const deliverySearchParsers = {
  event: parseAsOneOf(LOG_EVENTS),
  status: parseAsOneOf(DELIVERY_STATUSES),
  from: parseAsDate(),
  to: parseAsDate(),
  page: parseAsPage(),
};

const loadDeliverySearchParams = createSearchParamsLoader(deliverySearchParsers);

/** Reads the state from the query; anything unknown or malformed falls back to no filter. */
export function parseDeliverySearchParams(raw: RawSearchParams): DeliveryListState {
  const state = loadDeliverySearchParams(raw);
  return { ...state, ...dateRange(state.from, state.to) };
}

/** The query string for a state (empty filters left out), with a leading "?". */
export const deliverySearchString = createSearchString(deliverySearchParsers);

export function hasFilters(state: DeliveryListState): boolean {
  return Boolean(state.event || state.status || state.from || state.to);
}

/** What the SDK's `webhooks.deliveries` takes for this state. */
export function toDeliveryParams(state: DeliveryListState) {
  return {
    page: state.page,
    limit: PAGE_SIZE,
    event: state.event ?? undefined,
    status: state.status ?? undefined,
    startDate: state.from || undefined,
    endDate: state.to || undefined,
  };
}
