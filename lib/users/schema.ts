import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenants } from "@/lib/tenants/schema";

import { ROLES, type Role } from "./roles";

/** How the admin shows numbers and dates to this person (issue 13); absent means the default. */
export interface DisplayPreferences {
  digits?: "latn" | "arab";
  calendar?: "gregory" | "islamic-umalqura";
}

export { ROLES, type Role };

/** The admin's languages, which mail is written in. */
export type MailLocale = "en" | "ar";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** Stored lower-cased: one account per address per tenant. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: text("role").$type<Role>().notNull(),
    status: text("status").$type<"active" | "deactivated">().notNull().default("active"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    preferences: jsonb("preferences").$type<DisplayPreferences>().notNull().default({}),
    /** The language mail reaches this person in: the one they last used the admin in (docs/email.md). */
    locale: text("locale").$type<MailLocale>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("users_tenant_email").on(t.tenantId, t.email),
    index("users_tenant_idx").on(t.tenantId),
    check("users_role", sql`${t.role} in ('owner', 'admin', 'staff', 'viewer')`),
    check("users_status", sql`${t.status} in ('active', 'deactivated')`),
  ],
);

export type User = typeof users.$inferSelect;

/** Pending invitations: the link's token is stored as SHA-256 and works once, for 7 days. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    role: text("role").$type<Role>().notNull(),
    /** The invitee's language, chosen by the inviter: the email, the link's page, then the account. */
    locale: text("locale").$type<MailLocale>(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("invitations_tenant_idx").on(t.tenantId, t.createdAt),
    check("invitations_role", sql`${t.role} in ('owner', 'admin', 'staff', 'viewer')`),
  ],
);
