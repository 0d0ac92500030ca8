import { bigint, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";

/**
 * A table of rows per store and status, kept by the statement-level `counts_track` trigger
 * (migration 0006) on the table it counts: a list's total for a whole store or one status is
 * one small read instead of counting every row.
 */
export function statusCountsTable<const Name extends string>(name: Name) {
  return pgTable(
    name,
    {
      tenantId: uuid("tenant_id")
        .notNull()
        .references(() => tenants.id, { onDelete: "cascade" }),
      status: text("status").notNull(),
      count: bigint("count", { mode: "number" }).notNull().default(0),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.status] })],
  );
}
