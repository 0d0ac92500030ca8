import { getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * `column LIKE pattern` for one store's rows, through the column's index. Written as a plain LIKE,
 * a store's request (row-level security) reads every row of its store instead: LIKE is not
 * leakproof, so PostgreSQL tests the policy first. store_rows_like (migration 0022) finds the ids
 * as the tables' owner and answers a store's scope for that store only.
 */
export function likeInStore(
  table: PgTable & { id: PgColumn },
  column: PgColumn,
  tenantId: string,
  pattern: string,
): SQL {
  // An array, not IN (subquery): the ids are then fetched in one bitmap scan of the primary key
  // (45 ms for 10,000 matches of 100k, against 78 ms for a lookup each).
  return sql`${table.id} = any(array(select store_rows_like(${getTableName(table)}, ${column.name}, ${tenantId}::uuid, ${pattern})))`;
}
