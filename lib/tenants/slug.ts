/**
 * Store IDs (slugs): what integrations send as X-Tenant-ID, so they never change once chosen
 * (docs/api.md, "Store IDs"). Lower-case letters, digits and hyphens, 3-40 characters, starting
 * and ending with a letter or digit, and not a word the platform keeps for itself.
 */
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
const SLUG_FORMAT = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Words a store cannot take: they name (or may one day name) the platform's own hosts and pages,
 * and a store called "admin" or "support" could impersonate the operator. `demo` belongs to the
 * seeded demo store (lib/demo/seed.ts inserts it directly, not through these rules).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "administrator",
  "api",
  "app",
  "apps",
  "assets",
  "auth",
  "billing",
  "blog",
  "cdn",
  "dashboard",
  "demo",
  "dev",
  "docs",
  "files",
  "ftp",
  "health",
  "help",
  "home",
  "imap",
  "info",
  "internal",
  "login",
  "logout",
  "mail",
  "media",
  "new",
  "null",
  "operator",
  "platform",
  "pop",
  "root",
  "security",
  "settings",
  "setup",
  "signin",
  "signup",
  "smtp",
  "staging",
  "static",
  "status",
  "store",
  "stores",
  "support",
  "system",
  "test",
  "undefined",
  "webhooks",
  "webmail",
  "www",
]);

export type SlugProblem = "invalid" | "reserved";

/** Why a slug cannot be used, or null when its form is fine (it may still be taken). */
export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX || !SLUG_FORMAT.test(slug)) return "invalid";
  if (RESERVED_SLUGS.has(slug)) return "reserved";
  return null;
}

/** What people type ("  Acme ") becomes what is checked ("acme"); nothing else is rewritten. */
export function normalizeSlug(input: string): string {
  return input.trim().toLowerCase();
}

export const SLUG_RULES_TEXT = `${SLUG_MIN}-${SLUG_MAX} lower-case letters, digits and hyphens, starting and ending with a letter or digit`;
