// Claims due deliveries in batches straight from webhook_deliveries, sends them and settles them
// (docs/decisions/0022-webhook-dispatcher.md).
import { eq, getTableColumns, sql, type Column } from "drizzle-orm";
import { perDatabase, statementName } from "@/lib/db/prepared";
import { log } from "@/lib/log";
import {
  isPlainSuccess,
  send,
  settle,
  settledRows,
  DELIVERY_FIELDS,
  ENDPOINT_FIELDS,
  type Delivery,
  type Endpoint,
  type EngineDeps,
  type Succeeded,
} from "./engine";
import { webhookDeliveries, webhookEndpoints } from "./schema";
import { TIMEOUT_MS as DEFAULT_TIMEOUT_MS } from "./sender";

/** Deliveries one endpoint may have in flight at once, across every instance. */
export const SLOTS_PER_ENDPOINT = 2;

/** Deliveries one instance sends at once, over all endpoints. */
const DEFAULT_CAPACITY = 32;

/** The lease covers the writes around a send; it only lapses by itself when a process died. */
const LEASE_MARGIN_MS = 5_000;

/** How long a delivery whose send threw (a defect, not a receiver's answer) waits to go again. */
const AFTER_DEFECT_MS = 5_000;

export interface Claimed {
  delivery: Delivery;
  endpoint: Endpoint;
}
type Sent = Awaited<ReturnType<typeof send>>;

/** Some of a table's columns read from `alias`, typed and mapped as Drizzle maps the table's own. */
function columnsOf<T extends typeof webhookDeliveries | typeof webhookEndpoints>(
  table: T,
  alias: string,
  keys: readonly (keyof T["_"]["columns"])[],
) {
  const columns = getTableColumns(table) as Record<string, Column>;
  return Object.fromEntries(
    keys.map((key) => [
      key,
      sql`${sql.identifier(alias)}.${sql.identifier(columns[key as string]!.name)}`.mapWith(
        columns[key as string]!,
      ),
    ]),
  );
}

const param = (name: string) => sql.placeholder(name);

/**
 * webhook_dispatch (lib/db/migrations/0023_webhook_dispatch.sql): settles a batch of plain
 * successes, then claims up to `limit` due deliveries, each holding one of its endpoint's slots
 * until `leaseUntil`; answers them with their endpoints. One round trip, built once per database.
 * The rows are the function's own (what it claimed), not a second read of the table.
 */
const dispatchStatement = perDatabase((db) =>
  db
    .select({
      delivery: columnsOf(webhookDeliveries, "d", DELIVERY_FIELDS),
      endpoint: columnsOf(webhookEndpoints, "e", ENDPOINT_FIELDS),
    })
    .from(
      sql`webhook_dispatch(${param("limit")}::integer, ${param("now")}::timestamptz,
        ${param("leaseUntil")}::timestamptz, ${sql.raw(String(SLOTS_PER_ENDPOINT))},
        ${param("settle")}::json) d
        join ${webhookEndpoints} e on e.id = d.endpoint_id`,
    )
    .prepare(statementName("webhook_dispatch")),
);

/**
 * Settles `succeeded` (plain successes) and claims up to `limit` due deliveries, oldest first,
 * within every endpoint's two slots, in one statement. Throws when the statement fails (then
 * nothing of it happened).
 */
export async function claimDue(
  deps: Pick<EngineDeps, "db" | "now" | "timeoutMs">,
  limit: number,
  succeeded: Succeeded[] = [],
): Promise<Claimed[]> {
  const now = deps.now();
  const leaseMs = (deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + LEASE_MARGIN_MS;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // Typed by hand: the columns come from the function's rows, not from the tables.
  const rows = (await dispatchStatement(deps.db, "dispatch").execute({
    limit,
    now: now.toISOString(),
    leaseUntil: leaseUntil.toISOString(),
    settle: succeeded.length ? settledRows(succeeded) : null,
  })) as Claimed[];
  return rows
    .map(({ delivery, endpoint }) => ({
      delivery,
      endpoint,
    }))
    .sort((a, b) => a.delivery.nextAttemptAt!.getTime() - b.delivery.nextAttemptAt!.getTime());
}

export interface DispatcherOptions {
  /** Deliveries this instance sends at once (default 32). */
  capacity?: number;
  /** How often to look for due deliveries when nothing here says there are (default 1 s). */
  pollMs?: number;
}

/**
 * The delivery loop of one instance: claim what is due (as much as there is room for), send
 * each, settle. Plain successes are settled together, in the same statement that claims the
 * next deliveries for the room they leave. Other outcomes are settled one by one (`settle`).
 * The loop also claims when this instance fans out new deliveries (`wake`), when a retry it
 * scheduled comes due, and otherwise every `pollMs` (work other instances made due). Nothing is
 * lost when a process dies mid-send: its claims lapse with their lease and are claimed again.
 */
export function startDispatcher(deps: EngineDeps, options: DispatcherOptions = {}) {
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const pollMs = options.pollMs ?? 1_000;
  const sending = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let running = true;
  /** Room promised to a claim still on its way back. */
  let reserved = 0;
  let woken = false;
  let wakeUp: (() => void) | undefined;

  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || !running) return resolve();
      const timer = setTimeout(() => wakeUp?.(), ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
    });
  const wakeAt = (at: Date) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        wake();
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timers.add(timer);
  };

  /** Claims for the room there is (less `leaving`, sends about to end), settling `succeeded`. */
  const claim = async (succeeded: Succeeded[] = [], leaving = 0) => {
    const room = running ? Math.max(0, capacity - sending.size + leaving - reserved) : 0;
    if (!room && !succeeded.length) return { room, claimed: 0 };
    reserved += room;
    try {
      const claimed = await claimDue(deps, room, succeeded);
      for (const c of claimed) {
        const sent: Promise<void> = deliver(c).finally(() => sending.delete(sent));
        sending.add(sent);
      }
      return { room, claimed: claimed.length };
    } finally {
      reserved -= room;
    }
  };

  // Plain successes wait here while a batch is being written, and go in the next one.
  let waiting: { claimed: Claimed; sent: Sent; completedAt: Date; done: () => void }[] = [];
  let writing: Promise<void> | undefined;
  const writeSuccesses = async () => {
    while (waiting.length) {
      const batch = waiting;
      waiting = [];
      const succeeded = batch.map(({ sent, completedAt }) => ({
        attempt: sent.attempt,
        completedAt,
      }));
      try {
        await claim(succeeded, batch.length);
      } catch {
        // One reply that cannot be stored fails the batch: each goes the careful way. A write
        // that fails here too (the database gone) leaves the slot to its lease: sent again.
        for (const { claimed, sent } of batch)
          await settleOne(claimed, sent).catch((err: unknown) =>
            log.warn("webhook delivery not settled", { delivery: claimed.delivery.id, err }),
          );
        wake();
      }
      for (const b of batch) b.done();
    }
    writing = undefined;
  };
  const settleSuccess = (claimed: Claimed, sent: Sent) =>
    new Promise<void>((done) => {
      waiting.push({ claimed, sent, completedAt: deps.now(), done });
      writing ??= writeSuccesses();
    });

  const settleOne = async ({ delivery, endpoint }: Claimed, sent: Sent) => {
    const retryAt = await settle(deps, delivery, endpoint, sent.result, sent.attempt);
    if (retryAt) wakeAt(retryAt);
  };

  const deliver = async (claimed: Claimed) => {
    const { delivery, endpoint } = claimed;
    try {
      const sent = await send(deps, delivery, endpoint, deps.now());
      if (isPlainSuccess(sent.result, endpoint)) await settleSuccess(claimed, sent);
      else {
        await settleOne(claimed, sent);
        wake();
      }
    } catch (err) {
      // A defect, not a receiver's answer: give the slot back and try again a little later.
      log.error("webhook delivery failed", { delivery: delivery.id, err });
      const retryAt = new Date(deps.now().getTime() + AFTER_DEFECT_MS);
      await deps.db
        .update(webhookDeliveries)
        .set({ inFlightUntil: null, nextAttemptAt: retryAt })
        .where(eq(webhookDeliveries.id, delivery.id))
        .catch(() => {});
      wakeAt(retryAt);
    }
  };

  const loop = (async () => {
    while (running) {
      woken = false;
      let full = false;
      try {
        const { room, claimed } = await claim();
        full = room > 0 && claimed === room;
      } catch (err) {
        log.warn("webhook claim failed; trying again", { err });
      }
      // A full claim may have left more that is due: claim again as soon as there is room.
      if (!full) await pause(pollMs);
    }
  })();

  return {
    /** New deliveries exist (this instance fanned out): claim now rather than at the next poll. */
    wake,
    /** Stops claiming and waits for the deliveries on the wire to be settled. */
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      while (sending.size) await Promise.all(sending);
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

export type Dispatcher = ReturnType<typeof startDispatcher>;
