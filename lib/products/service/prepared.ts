// The products module's prepared statements: built once per database, named for PostgreSQL.
import { getTableColumns } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { products } from "../schema";

/**
 * Hot queries run as named prepared statements: their SQL is built once per database and
 * PostgreSQL parses and plans each once per connection (docs/benchmarks.md, "Prepared list").
 * DATABASE_PREPARED_STATEMENTS=off leaves them unnamed (still built once), for a pooler that
 * cannot keep named statements (PgBouncer in transaction mode before 1.21).
 */
const PREPARED = process.env.DATABASE_PREPARED_STATEMENTS !== "off";

/** An empty name is an unnamed statement to node-postgres: parsed and planned at every call. */
export const statementName = (name: string) => (PREPARED ? name : "");

/** Every column a reply shows: not the folded search text, which only the filter reads. */
export const { searchText: _searchText, ...PRODUCT_COLUMNS } = getTableColumns(products);

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
