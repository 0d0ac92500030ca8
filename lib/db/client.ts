import path from "node:path";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import * as schema from "./schema";
import { log } from "@/lib/log";
import { ensureWritableDataDir, wasiDataDirectoryError } from "./data-dir";
import { ScopedPool, scopedPglite } from "./tenant-scope";

/** One Drizzle type for both drivers; a transaction is assignable to it too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /**
   * For reads that may lag the primary a moment (lists, exports, analytics): a pool of its own on
   * DATABASE_READ_URL (a replica), else absent and such reads use `db` (docs/operations.md).
   */
  read?: Db;
  kind: "pglite" | "postgres";
  /** For pg-boss: the PGlite client, or the PostgreSQL URL (it keeps a pool of its own). */
  pglite?: PGlite;
  url?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

/**
 * PGlite's PostgreSQL runs in the server's process, and it touches all of its shared buffers when
 * it starts: PostgreSQL's default 128MB is 128 MiB more resident memory for every process that
 * opens the database. 16MB holds a small store's hot pages; the rest of the data directory is
 * read through the OS page cache, which keeps it anyway. PGLITE_SHARED_BUFFERS (e.g. 128MB) buys
 * fewer reads on a large catalogue with memory (docs/decisions/0018-embedded-footprint.md).
 */
export function pgliteStartParams(sharedBuffers = process.env.PGLITE_SHARED_BUFFERS || "16MB") {
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers))
    throw new Error("PGLITE_SHARED_BUFFERS must be a size such as 16MB or 128MB");
  return [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`];
}
// Any fixed number: instances starting together on one PostgreSQL migrate one at a time.
const MIGRATION_LOCK = 727_274_001;

export interface OpenOptions {
  /** postgres://... ; when absent, PGlite. */
  url?: string;
  /** A read replica's postgres://... for list, export and analytics reads; ignored on PGlite. */
  readUrl?: string;
  /** PGlite data directory; absent means in-memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    // Its clients follow the caller's store (row-level security, lib/db/tenant-scope.ts).
    const pool = new ScopedPool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client can be cut off (a restart, a failover): log it; the pool replaces it.
    // Without a listener the error would crash the process.
    pool.on("error", (err) => log.warn("database connection lost", { err }));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const readPool = options.readUrl
      ? new ScopedPool({ connectionString: options.readUrl, max: options.poolSize ?? 10 })
      : undefined;
    readPool?.on("error", (err) => log.warn("read replica connection lost", { err }));
    return {
      db,
      read: readPool && (drizzleNodePg(readPool, { schema }) as unknown as Db),
      kind: "postgres",
      url: options.url,
      async migrate() {
        const lock = await pool.connect();
        try {
          await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
          await migrateNodePg(drizzleNodePg(pool, { schema }), { migrationsFolder });
        } finally {
          await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
          lock.release();
        }
      },
      close: async () => {
        await Promise.all([pool.end(), readPool?.end()]);
      },
    };
  }
  if (options.dataDir) {
    ensureWritableDataDir(options.dataDir);
    await initDataDirectory(options.dataDir);
  }
  // pg_trgm backs product search; PostgreSQL servers ship it in contrib.
  const client = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { pg_trgm },
    startParams: pgliteStartParams(),
  });
  // Drizzle's statements follow the caller's store (row-level security); pg-boss's run as the system.
  const views = scopedPglite(client);
  const pgliteDb = drizzlePglite(views.scoped as PGlite, { schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: "pglite",
    pglite: views.system,
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * A new data directory is created (initdb) in a short-lived child process. PGlite runs initdb in
 * a second WASM instance inside the process that opens the directory, and V8 keeps much of that
 * memory long after: a server's first start would idle at about 450 MiB instead of about 320
 * until its next start (docs/decisions/0018-embedded-footprint.md).
 */
async function initDataDirectory(dataDir: string) {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
  const script = `
    import { PGlite } from "@electric-sql/pglite";
    const db = await PGlite.create({ dataDir: process.env.PGLITE_INIT_DIR });
    await db.close();`;
  // Resolved from the working directory, like the migrations: the repository's root.
  await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, PGLITE_INIT_DIR: dataDir },
  }).catch((err: { stderr?: string }) => {
    // The disk filled up while initdb wrote (it needs tens of MiB): say so, not its stack.
    throw wasiDataDirectoryError(dataDir, err.stderr ?? "");
  });
}

export async function pingDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return performance.now() - started;
}

let releaseMigrations: number[] | undefined;

/**
 * How many of this release's migrations the database lacks (0: up to date, or newer than this
 * release, as in a rolling upgrade). The same test drizzle's migrator uses: by creation time.
 */
export async function missingMigrations(db: Db): Promise<number> {
  releaseMigrations ??= readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis);
  let applied = 0;
  try {
    const result = (await db.execute(
      sql`select max(created_at) as at from drizzle.__drizzle_migrations`,
    )) as unknown as { rows: { at: string | null }[] };
    applied = Number(result.rows[0]?.at ?? 0);
  } catch (err) {
    // No migrations table yet (42P01, or 3F000 for its schema): none applied.
    const code =
      (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code !== "42P01" && code !== "3F000") throw err;
  }
  return releaseMigrations.filter((at) => at > applied).length;
}

/**
 * The process-wide database. server.ts and the Next.js bundle are two module graphs in one
 * process, and PGlite allows one opener per data directory, so the handle lives on globalThis.
 */
const globalKey = Symbol.for("brainsait.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };

export function getDatabase(options: OpenOptions): Promise<Database> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDatabase(options);
  return g[globalKey];
}
