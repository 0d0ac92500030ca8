import { AUDIT_ACTOR_TYPES } from "@/lib/audit/contract";

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
export function parseAuditSearchParams(raw: RawSearchParams): AuditListState {
  const action = first(raw.action);
  const actorType = first(raw.actor);
  const page = first(raw.page);
  let from = validDate(first(raw.from));
  let to = validDate(first(raw.to));
  // A range typed backwards still means the days between the two dates.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    page: /^\d{1,6}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
    action: (ACTION_PREFIXES as readonly string[]).includes(action)
      ? (action as ActionPrefix)
      : null,
    actorType: (ACTOR_TYPES as readonly string[]).includes(actorType)
      ? (actorType as ActorType)
      : null,
    from,
    to,
  };
}

/** The query string for a state (empty filters left out), with a leading "?". */
export function auditSearchString(state: Partial<AuditListState>): string {
  const query = new URLSearchParams();
  if (state.action) query.set("action", state.action);
  if (state.actorType) query.set("actor", state.actorType);
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  if (state.page && state.page !== 1) query.set("page", String(state.page));
  const search = query.toString();
  return search ? `?${search}` : "";
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
