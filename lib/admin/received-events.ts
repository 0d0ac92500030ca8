import { summarizeEventData } from "@/lib/webhooks/summary";

/**
 * Events that reached the bundled receiver (/api/webhooks/store), kept in memory for the admin's
 * live activity feed. An admin connected to a remote Store API sees them at once, before its
 * next poll of the API; an admin on the same server also finds them in the API's recent events,
 * and the two are merged by event id. Process-wide (route handlers are bundled apart, so a module
 * variable would not be shared) and bounded.
 */
export interface ReceivedEvent {
  id: string;
  event: string;
  createdAt: string;
  /** The store's ID as the wire format's tenant_id carries it (the X-Tenant-ID slug). */
  tenantId: string;
  summary: Record<string, unknown>;
}

const MAX_KEPT = 500;
const KEY = Symbol.for("brainsait.receivedEvents");
const holder = globalThis as unknown as Record<symbol, ReceivedEvent[] | undefined>;
const kept = (holder[KEY] ??= []);

export function rememberReceivedEvent(event: {
  id: string;
  event: string;
  created_at: string;
  tenant_id: string;
  data: unknown;
}) {
  if (kept.some((e) => e.id === event.id)) return;
  kept.unshift({
    id: event.id,
    event: event.event,
    createdAt: event.created_at,
    tenantId: event.tenant_id,
    summary: summarizeEventData(event.data),
  });
  if (kept.length > MAX_KEPT) kept.length = MAX_KEPT;
}

type FeedEvent = Omit<ReceivedEvent, "tenantId">;

/**
 * The store's latest events: the API's and the received ones, newest first, each once.
 * `tenantId` is the store's ID (slug), as deliveries carry it in tenant_id.
 */
export function withReceivedEvents<T extends FeedEvent>(
  tenantId: string,
  fromApi: T[],
  limit = 20,
): FeedEvent[] {
  const byId = new Map<string, FeedEvent>();
  for (const e of fromApi) byId.set(e.id, e);
  for (const { tenantId: owner, ...e } of kept) {
    if (owner === tenantId && !byId.has(e.id)) byId.set(e.id, e);
  }
  return [...byId.values()]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, limit);
}
