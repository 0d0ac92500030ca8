import { DELIVERY_STATUSES, LOG_EVENTS, type DeliveryStatus } from "@/components/webhooks/events";
import {
  dateRange,
  firstParam,
  oneOf,
  positiveInt,
  queryString,
  type RawSearchParams,
} from "@/lib/search-params";

export const PAGE_SIZE = 20;

/** The delivery log's filters and page, all in the URL so a filtered view can be shared. */
export interface DeliveryListState {
  page: number;
  event: string | null;
  status: DeliveryStatus | null;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

/** Reads the state from the query; anything unknown or malformed falls back to no filter. */
export function parseDeliverySearchParams(raw: RawSearchParams): DeliveryListState {
  return {
    page: positiveInt(firstParam(raw.page), 1),
    event: oneOf(LOG_EVENTS, firstParam(raw.event)),
    status: oneOf(DELIVERY_STATUSES, firstParam(raw.status)),
    ...dateRange(firstParam(raw.from), firstParam(raw.to)),
  };
}

/** The query string for a state (empty filters left out), with a leading "?". */
export function deliverySearchString(state: Partial<DeliveryListState>): string {
  const { event, status, from, to, page } = state;
  return queryString({ event, status, from, to, page });
}

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
