import { AUDIT_ACTOR_TYPES } from "@/lib/audit/contract";
import {
  dateRange,
  firstParam,
  oneOf,
  positiveInt,
  queryString,
  type RawSearchParams,
} from "@/lib/search-params";

export type ActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** The action families the filter offers; each is a prefix the API matches (`product.`). */
export const ACTION_PREFIXES = [
  "auth.",
  "product.",
  "api_key.",
  "user.",
  "invitation.",
  "tenant.",
] as const;
export type ActionPrefix = (typeof ACTION_PREFIXES)[number];

export const ACTOR_TYPES = AUDIT_ACTOR_TYPES;

export const PAGE_SIZE = 25;

/** The log's filters and page, all in the URL so a filtered view can be shared or reloaded. */
export interface AuditListState {
  page: number;
  action: ActionPrefix | null;
  actorType: ActorType | null;
  /** YYYY-MM-DD in the store's time zone, inclusive. */
  from: string;
  to: string;
}

/** Reads the state from the query; anything unknown or malformed falls back to no filter. */
export function parseAuditSearchParams(raw: RawSearchParams): AuditListState {
  return {
    page: positiveInt(firstParam(raw.page), 1),
    action: oneOf(ACTION_PREFIXES, firstParam(raw.action)),
    actorType: oneOf(ACTOR_TYPES, firstParam(raw.actor)),
    ...dateRange(firstParam(raw.from), firstParam(raw.to)),
  };
}

/** The query string for a state (empty filters left out), with a leading "?". */
export function auditSearchString(state: Partial<AuditListState>): string {
  const { action, actorType: actor, from, to, page } = state;
  return queryString({ action, actor, from, to, page });
}

export function hasFilters(state: AuditListState): boolean {
  return Boolean(state.action || state.actorType || state.from || state.to);
}

/** What the SDK's `audit.list` takes for this state. */
export function toListParams(state: AuditListState) {
  return {
    page: state.page,
    limit: PAGE_SIZE,
    action: state.action ?? undefined,
    actorType: state.actorType ?? undefined,
    startDate: state.from || undefined,
    endDate: state.to || undefined,
  };
}
