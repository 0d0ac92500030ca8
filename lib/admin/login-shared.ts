/**
 * Sign-in pieces shared by the credentials provider (server) and the sign-in form (client), so
 * this file must stay free of server-only imports.
 */
export const LOGIN_ERROR_CODES = [
  "invalid_credentials",
  "too_many_attempts",
  "unknown_store",
  "unavailable",
  "session_expired",
] as const;

export type LoginErrorCode = (typeof LOGIN_ERROR_CODES)[number];

/** A store slug: lowercase letters, digits and inner hyphens, as in the store's address. */
export const TENANT_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
export const TENANT_SLUG_MAX = 63;

/** Maps whatever next-auth reports (our codes, or its own "CredentialsSignin") to a known code. */
export function toLoginErrorCode(raw: string | null | undefined): LoginErrorCode | null {
  if (!raw) return null;
  if ((LOGIN_ERROR_CODES as readonly string[]).includes(raw)) return raw as LoginErrorCode;
  if (raw === "CredentialsSignin") return "invalid_credentials";
  return "unavailable";
}

/** Same-site, locale-prefixed paths only, so a callbackUrl can never become an open redirect. */
export function safeReturnPath(
  raw: string | null | undefined,
  locales: readonly string[],
): string | null {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  const first = raw.split(/[/?#]/)[1];
  return first && locales.includes(first) ? raw : null;
}
