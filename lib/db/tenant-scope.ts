/**
 * Row-level security's other half (docs/decisions/0021-row-level-security.md): which store the
 * database may show the current work. A request that resolved its store runs inside
 * `inTenantScope`, and every statement it sends runs as the role `brainsait_app` with
 * `app.tenant_id` set to that store, so the policies of migration 0022 hide every other store's
 * rows, even from a query that forgot its `where tenant_id = ...`. Work outside a scope (the
 * credential checks that find a store from a key, the workers, sign-up, migrations) runs as the
 * connecting role, the tables' owner, which the policies let through.
 *
 * A connection is switched when the scope it last ran for differs from the statement's, in the
 * statement's turn: on PostgreSQL when a pool client is handed out (a client serves one caller
 * until it is released), on PGlite's single connection inside a queue that keeps the switch and
 * the statement together. A store's busy connection stays switched, so the common case costs no
 * round trip.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";

/** The role tenant work runs as; created, granted and given the policies by migration 0022. */
export const APP_ROLE = "brainsait_app";

const scope = new AsyncLocalStorage<string>();

/** Runs `work` with the database showing only this store's rows. */
export const inTenantScope = <T>(tenantId: string, work: () => T): T => scope.run(tenantId, work);

/**
 * Runs `work` as the system (every store): what a scoped request may do only on purpose. Awaited
 * inside, since a Drizzle query runs when it is awaited, not when it is built.
 */
export const outsideTenantScope = <T>(work: () => PromiseLike<T> | T): Promise<T> =>
  scope.exit(async () => await work());

export const currentTenantScope = (): string | undefined => scope.getStore();

/**
 * A stream whose reads run in the scope it was made in. A reply's body is read after its handler
 * has returned, by the server, outside the request's scope: a download reading the database page
 * by page would otherwise read as the system.
 */
export function readInScope<T>(source: ReadableStream<T>): ReadableStream<T> {
  const inScope = AsyncLocalStorage.snapshot();
  const reader = source.getReader();
  return new ReadableStream<T>(
    {
      async pull(controller) {
        const chunk = await inScope(() => reader.read());
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** What a connection is switched to: a store's id, or "" for the system. */
type Scope = string;
const SYSTEM: Scope = "";

/** One statement switches both: the role and the store the policies compare with. */
const SWITCH_SQL = "select set_config('role', $1, false), set_config('app.tenant_id', $2, false)";
const switchParams = (to: Scope) => (to === SYSTEM ? ["none", ""] : [APP_ROLE, to]);

/** A pg.Pool whose clients are switched to the caller's scope before they are handed out. */
export class ScopedPool extends pg.Pool {
  private readonly switchedTo = new WeakMap<pg.PoolClient, Scope>();

  // pg-pool's own query() takes a client through connect(callback), so both forms are covered.
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void,
  ): void;
  override connect(
    callback?: (
      err: Error | undefined,
      client: pg.PoolClient | undefined,
      done: () => void,
    ) => void,
  ): Promise<pg.PoolClient> | void {
    const to = scope.getStore() ?? SYSTEM;
    const switched = super.connect().then((client) => this.switchClient(client, to));
    if (!callback) return switched;
    switched.then(
      (client) => callback(undefined, client, () => client.release()),
      (err: Error) => callback(err, undefined, () => {}),
    );
  }

  private async switchClient(client: pg.PoolClient, to: Scope) {
    if (this.switchedTo.get(client) === to) return client;
    try {
      await client.query(SWITCH_SQL, switchParams(to));
    } catch (err) {
      // Its state is unknown now: the client is dropped, not pooled.
      this.switchedTo.delete(client);
      client.release(err as Error);
      throw err;
    }
    this.switchedTo.set(client, to);
    return client;
  }
}

type Pglite = Pick<PGlite, "query" | "exec" | "transaction">;

/**
 * PGlite's one connection, switched per statement: drizzle's view follows the caller's scope,
 * pg-boss's view (`system`) is always the system. A queue of our own keeps each switch and its
 * statement together; PGlite runs one statement at a time anyway, and a transaction holds the
 * connection until it ends.
 */
export function scopedPglite(pglite: PGlite) {
  let switchedTo: Scope = SYSTEM;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(to: Scope, work: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      if (switchedTo !== to) {
        // Unknown until it succeeds: a failed switch is tried again by the next statement.
        switchedTo = "\0unknown";
        await pglite.query(SWITCH_SQL, switchParams(to));
        switchedTo = to;
      }
      return work();
    });
    queue = run.catch(() => {});
    return run;
  };
  const view = (fixed?: Scope): Pglite => ({
    query: ((...args: Parameters<PGlite["query"]>) =>
      inTurn(fixed ?? scope.getStore() ?? SYSTEM, () => pglite.query(...args))) as PGlite["query"],
    exec: ((...args: Parameters<PGlite["exec"]>) =>
      inTurn(fixed ?? scope.getStore() ?? SYSTEM, () => pglite.exec(...args))) as PGlite["exec"],
    // The transaction keeps the turn until it ends, so the switch before BEGIN holds throughout.
    transaction: (<T>(callback: (tx: Transaction) => Promise<T>) =>
      inTurn(fixed ?? scope.getStore() ?? SYSTEM, () =>
        pglite.transaction(callback),
      )) as PGlite["transaction"],
  });
  return {
    /** For drizzle: follows `inTenantScope`. */
    scoped: view(),
    /** For pg-boss: its own tables, never a store's. */
    system: { ...view(SYSTEM), listen: pglite.listen.bind(pglite) } as unknown as PGlite,
  };
}
