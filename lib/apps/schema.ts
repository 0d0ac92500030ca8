import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";
import { users } from "@/lib/users/schema";

/**
 * A developer account (docs/apps.md). Its secret signs account tokens, so it must be readable:
 * it is sealed with AES-256-GCM (lib/crypto.ts), never stored in the clear, and shown once.
 */
export const developers = pgTable("developers", {
  id: uuid("id").primaryKey().defaultRandom(),
  ref: text("ref").notNull().unique(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  /** The person who registered it, and the store they signed in to. */
  ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
  ownerTenantId: uuid("owner_tenant_id").references(() => tenants.id, { onDelete: "set null" }),
  secretSealed: text("secret_sealed").notNull(),
  /** The developer's own unsigned token (for the installed-accounts API), sealed too. */
  tokenSealed: text("token_sealed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }),
});

export const APP_KINDS = ["system", "staff"] as const;
export type AppKind = (typeof APP_KINDS)[number];

export const apps = pgTable(
  "apps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    developerId: uuid("developer_id")
      .notNull()
      .references(() => developers.id, { onDelete: "cascade" }),
    ref: text("ref").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameAr: text("name_ar").notNull(),
    description: text("description").notNull().default(""),
    installCallbackUrl: text("install_callback_url").notNull(),
    /** What the app asks for; an install holds what the store granted (see appInstalls.scopes). */
    scopes: text("scopes").array().notNull(),
    kind: text("kind").$type<AppKind>().notNull().default("system"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("apps_developer_idx").on(t.developerId),
    check("apps_kind", sql`${t.kind} in ('system', 'staff')`),
  ],
);

/**
 * One app in one store. The unsigned account token is sealed: the developer may read it back
 * (installed-accounts API) but a copy of the database alone does not give it away. An uninstall
 * keeps the row (its callbacks refer to it) and ends it; installing again makes a new one.
 */
export const appInstalls = pgTable(
  "app_installs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appId: uuid("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    accountTokenSealed: text("account_token_sealed").notNull(),
    /** The scopes the store agreed to at install; the app acts with these and its current ones. */
    scopes: text("scopes").array().notNull(),
    installedBy: uuid("installed_by").references(() => users.id, { onDelete: "set null" }),
    installedAt: timestamp("installed_at", { withTimezone: true }).notNull().defaultNow(),
    uninstalledAt: timestamp("uninstalled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("app_installs_live")
      .on(t.appId, t.tenantId)
      .where(sql`${t.uninstalledAt} is null`),
    index("app_installs_tenant_idx").on(t.tenantId, t.installedAt),
  ],
);

/** A staff member an admin has authorised to use a staff app in their store. */
export const appStaff = pgTable(
  "app_staff",
  {
    installId: uuid("install_id")
      .notNull()
      .references(() => appInstalls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    authorisedBy: uuid("authorised_by").references(() => users.id, { onDelete: "set null" }),
    authorisedAt: timestamp("authorised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.installId, t.userId] })],
);

/** Staff tokens handed out by /authorise: only their SHA-256 is kept, as for API keys. */
export const appStaffTokens = pgTable(
  "app_staff_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    installId: uuid("install_id")
      .notNull()
      .references(() => appInstalls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("app_staff_tokens_member_idx").on(t.installId, t.userId)],
);

export const CALLBACK_EVENTS = ["app.installed", "app.uninstalled"] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

/**
 * A POST to an app's install callback URL: the install (with the account token) or the
 * uninstall. Sent and retried like a webhook delivery (lib/webhooks/engine.ts's schedule and
 * sender); its body is serialized once and sent byte for byte every time.
 */
export const appCallbacks = pgTable(
  "app_callbacks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    installId: uuid("install_id")
      .notNull()
      .references(() => appInstalls.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    event: text("event").$type<CallbackEvent>().notNull(),
    url: text("url").notNull(),
    /** Sealed: the install callback carries the unsigned account token. */
    bodySealed: text("body_sealed").notNull(),
    status: text("status").$type<"pending" | "succeeded" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("app_callbacks_install_idx").on(t.installId, t.createdAt),
    check("app_callbacks_status", sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  ],
);

export const appCallbackAttempts = pgTable(
  "app_callback_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callbackId: uuid("callback_id")
      .notNull()
      .references(() => appCallbacks.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("app_callback_attempts_callback_idx").on(t.callbackId, t.number)],
);

export type DeveloperRow = typeof developers.$inferSelect;
export type AppRow = typeof apps.$inferSelect;
export type AppInstallRow = typeof appInstalls.$inferSelect;
