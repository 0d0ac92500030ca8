import { AUDIT_ACTOR_TYPES } from "@/lib/audit/contract";
import {
  createSearchParamsLoader,
  createSearchString,
  dateRange,
  parseAsDate,
  parseAsOneOf,
  parseAsPage,
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

/** The log's URL state for the page, its links and client hooks (`useQueryStates`). */
export const auditSearchParsers = {
  action: parseAsOneOf(ACTION_PREFIXES),
  actorType: parseAsOneOf(ACTOR_TYPES),
  from: parseAsDate(),
  to: parseAsDate(),
  page: parseAsPage(),
};
const urlKeys = { actorType: "actor" };

const loadAuditSearchParams = createSearchParamsLoader(auditSearchParsers, urlKeys);

/** Reads the state from the query; anything unknown or malformed falls back to no filter. */
export function parseAuditSearchParams(raw: RawSearchParams): AuditListState {
  const state = loadAuditSearchParams(raw);
  return { ...state, ...dateRange(state.from, state.to) };
}

/** The query string for a state (empty filters left out), with a leading "?". */
export const auditSearchString = createSearchString(auditSearchParsers, urlKeys);

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
