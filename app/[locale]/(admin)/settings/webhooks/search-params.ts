import { DELIVERY_STATUSES, LOG_EVENTS, type DeliveryStatus } from "@/components/webhooks/events";

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

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function validDate(raw: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return "";
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : "";
}

/** Reads the state from the query; anything unknown or malformed falls back to no filter. */
export function parseDeliverySearchParams(raw: RawSearchParams): DeliveryListState {
  const event = first(raw.event);
  const status = first(raw.status);
  const page = first(raw.page);
  let from = validDate(first(raw.from));
  let to = validDate(first(raw.to));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    page: /^\d{1,6}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
    event: (LOG_EVENTS as readonly string[]).includes(event) ? event : null,
    status: (DELIVERY_STATUSES as readonly string[]).includes(status)
      ? (status as DeliveryStatus)
      : null,
    from,
    to,
  };
}

/** The query string for a state (empty filters left out), with a leading "?". */
export function deliverySearchString(state: Partial<DeliveryListState>): string {
  const query = new URLSearchParams();
  if (state.event) query.set("event", state.event);
  if (state.status) query.set("status", state.status);
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  if (state.page && state.page !== 1) query.set("page", String(state.page));
  const search = query.toString();
  return search ? `?${search}` : "";
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
