// Prepared statements shared by the hot paths: built once per database, named for PostgreSQL.
import type { Db } from "./client";

/**
 * Hot queries run as named prepared statements: their SQL is built once per database and
 * PostgreSQL parses and plans each once per connection (docs/benchmarks.md, "Prepared list").
 * DATABASE_PREPARED_STATEMENTS=off leaves them unnamed (still built once), for a pooler that
 * cannot keep named statements (PgBouncer in transaction mode before 1.21).
 */
const PREPARED = process.env.DATABASE_PREPARED_STATEMENTS !== "off";

/** An empty name is an unnamed statement to node-postgres: parsed and planned at every call. */
export const statementName = (name: string) => (PREPARED ? name : "");

/** `build`'s statement for each database and key, built on first use. */
export function perDatabase<T>(build: (db: Db, key: string) => T) {
  const built = new WeakMap<Db, Map<string, T>>();
  return (db: Db, key: string): T => {
    let byKey = built.get(db);
    if (!byKey) built.set(db, (byKey = new Map()));
    let statement = byKey.get(key);
    if (statement === undefined) byKey.set(key, (statement = build(db, key)));
    return statement;
  };
}
