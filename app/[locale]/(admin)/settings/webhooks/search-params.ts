import { DELIVERY_STATUSES, LOG_EVENTS, type DeliveryStatus } from "@/components/webhooks/events";
import {
  createRangeLogQuery,
  parseAsOneOf,
  rangeListParams,
  rangeParsers,
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
  ...rangeParsers(),
};

const query = createRangeLogQuery(deliverySearchParsers);

export const parseDeliverySearchParams: (raw: RawSearchParams) => DeliveryListState = query.parse;
/** With a leading "?", or "" (empty filters left out). */
export const deliverySearchString = query.searchString;

export function hasFilters(state: DeliveryListState): boolean {
  return Boolean(state.event || state.status || state.from || state.to);
}

/** What the SDK's `webhooks.deliveries` takes for this state. */
export function toDeliveryParams(state: DeliveryListState) {
  return {
    ...rangeListParams(state, PAGE_SIZE),
    event: state.event ?? undefined,
    status: state.status ?? undefined,
  };
}
