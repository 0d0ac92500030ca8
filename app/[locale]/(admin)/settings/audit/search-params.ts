import { AUDIT_ACTOR_TYPES } from "@/lib/audit/contract";
import {
  createRangeLogQuery,
  parseAsOneOf,
  rangeListParams,
  rangeParsers,
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
  ...rangeParsers(),
};
const query = createRangeLogQuery(auditSearchParsers, { actorType: "actor" });

export const parseAuditSearchParams: (raw: RawSearchParams) => AuditListState = query.parse;
/** With a leading "?", or "" (empty filters left out). */
export const auditSearchString = query.searchString;

export function hasFilters(state: AuditListState): boolean {
  return Boolean(state.action || state.actorType || state.from || state.to);
}

/** What the SDK's `audit.list` takes for this state. */
export function toListParams(state: AuditListState) {
  return {
    ...rangeListParams(state, PAGE_SIZE),
    action: state.action ?? undefined,
    actorType: state.actorType ?? undefined,
  };
}
