/**
 * Verified credentials (API keys today; app and staff tokens next), remembered per instance so a
 * request skips the database. Entries are keyed by kind + the credential's SHA-256 and tagged with
 * its tenant. Any change to a tenant's credentials drops all of that tenant's entries on every
 * instance at once; the TTL is only a backstop (docs/architecture.md, "Cached credentials").
 *
 * A module caches with `remember(kind, hash, load)` and, in the transaction that changes a
 * credential or the person behind one, calls `invalidateTenant(tx, tenantId)`.
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/client";
import { log } from "@/lib/log";

/** The PostgreSQL channel; the payload is the tenant id. */
export const CREDENTIALS_CHANNEL = "brainsait_credentials";

/** What a service needs: one call inside the transaction that makes the change. */
export interface CredentialInvalidation {
  /**
   * Drops the tenant's cached credentials here now, and on every instance (this one again) when
   * `tx` commits: the NOTIFY travels with the transaction, so a rollback tells no one.
   */
  invalidateTenant(tx: Db, tenantId: string): Promise<void>;
}

/** For code outside the Store API (scripts, seeding): it has no cache, it only tells the others. */
export const notifyCredentialChanges: CredentialInvalidation = {
  async invalidateTenant(tx, tenantId) {
    await tx.execute(sql`select pg_notify(${CREDENTIALS_CHANNEL}, ${tenantId})`);
  },
};

export interface CredentialCacheOptions {
  /** Least recently used entries go first past this; default 5,000. */
  maxEntries?: number;
  /** The backstop: an entry is reloaded after this long whatever happened; default 60 s. */
  ttlMs?: number;
  clock?: () => number;
}

interface Entry {
  tenantId: string;
  value: unknown;
  expires: number;
}

const RETRY_MS = { first: 500, max: 30_000 };

export class CredentialCache implements CredentialInvalidation {
  private readonly entries = new Map<string, Entry>();
  private readonly byTenant = new Map<string, Set<string>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  /** Bumped by every drop: a load that straddles one may have read the old row. */
  private generation = 0;
  /** Set when other instances share the database: changes are announced and heard. */
  private url?: string;
  /** False while announcements may be missed (listener down): nothing is cached then. */
  private hearing = true;
  /** The listening connection, or the one being opened. */
  private client?: pg.Client;
  private retry?: NodeJS.Timeout;
  private retryMs = RETRY_MS.first;
  private closed = false;
  private connected?: Promise<void>;
  /** Counters for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(options: CredentialCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
  }

  get size() {
    return this.entries.size;
  }

  /** True unless other instances' changes could go unheard (the listener is down). */
  get listening() {
    return this.hearing;
  }

  /**
   * The cached result for this credential, else `load()`'s, remembered when it found one (an
   * unknown credential is never remembered). One kind, one value type; the value must name its
   * tenant, and the caller still checks it against the request's.
   */
  async remember<T extends { tenantId: string }>(
    kind: string,
    hash: string,
    load: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const key = `${kind}:${hash}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.clock()) {
      this.entries.delete(key); // re-inserted last: Map order is the LRU order
      this.entries.set(key, hit);
      this.stats.hits++;
      return hit.value as T;
    }
    if (hit) this.remove(key);
    this.stats.misses++;
    const generation = this.generation;
    const value = await load();
    if (value && this.hearing && generation === this.generation) this.add(key, value);
    return value;
  }

  async invalidateTenant(tx: Db, tenantId: string) {
    if (this.url) await notifyCredentialChanges.invalidateTenant(tx, tenantId);
    this.dropTenant(tenantId);
  }

  /** Drops every entry of the tenant on this instance only. */
  dropTenant(tenantId: string) {
    this.generation++;
    for (const key of this.byTenant.get(tenantId) ?? []) this.entries.delete(key);
    this.byTenant.delete(tenantId);
  }

  clear() {
    this.generation++;
    this.entries.clear();
    this.byTenant.clear();
  }

  /**
   * Hears other instances' changes on a connection of its own (PostgreSQL). Until it listens, and
   * whenever the connection drops, nothing is cached; each (re)connection starts empty, since
   * announcements may have been missed meanwhile. Resolves after the first attempt.
   */
  listen(url: string): Promise<void> {
    this.url = url;
    this.hearing = false;
    this.connected ??= this.connect();
    return this.connected;
  }

  /** Settles after the listener's first attempt to connect (at once without a listener). */
  async ready() {
    await this.connected;
  }

  async close() {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.hearing = false;
    await client?.end().catch(() => {});
  }

  private add(key: string, value: { tenantId: string }) {
    this.entries.set(key, { tenantId: value.tenantId, value, expires: this.clock() + this.ttlMs });
    const keys = this.byTenant.get(value.tenantId) ?? new Set();
    this.byTenant.set(value.tenantId, keys.add(key));
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.remove(oldest);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (!entry) return;
    const keys = this.byTenant.get(entry.tenantId);
    keys?.delete(key);
    if (keys?.size === 0) this.byTenant.delete(entry.tenantId);
  }

  private async connect(): Promise<void> {
    if (this.closed || !this.url) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: "brainsait-credentials",
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel === CREDENTIALS_CHANNEL && message.payload)
        this.dropTenant(message.payload);
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`listen ${CREDENTIALS_CHANNEL}`);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    if (this.client !== client) return;
    this.retryMs = RETRY_MS.first;
    this.clear();
    this.hearing = true;
  }

  /** The connection failed or ended: stop caching, forget everything, try again later. */
  private lost(client: pg.Client, err?: unknown) {
    if (this.client !== client) return; // a late event of a connection already given up
    this.client = undefined;
    this.hearing = false;
    this.clear();
    client.end().catch(() => {});
    if (this.closed) return;
    log.warn("credential cache: listener connection lost, caching paused", { err });
    this.retry = setTimeout(() => void this.connect(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.max);
  }
}

/** The cache for a database: on PostgreSQL it listens for other instances' changes. */
export function credentialCache(
  database: Pick<Database, "kind" | "url">,
  options?: CredentialCacheOptions,
) {
  const cache = new CredentialCache(options);
  if (database.kind === "postgres" && database.url) void cache.listen(database.url);
  return cache;
}
