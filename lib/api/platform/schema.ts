import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Stored first responses for POSTs sent with an Idempotency-Key. Shared by every instance
 * through the database, so a retry that lands on another instance still replays.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** `<tenant id>:user:<user id>` or `<tenant id>:key:<API key id>` (middleware/idempotency.ts). */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    responseBody: text("response_body"),
    contentType: text("content_type"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
