import { createHash } from "node:crypto";
import type { AuthOptions, CallbacksOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { BrainSAITStore, StoreApiError, type Tokens } from "@/lib/sdk";
import { log } from "@/lib/log";
import { adminClientIp } from "@/lib/client-ip";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN, type LoginErrorCode } from "./login-shared";

export type Role = "owner" | "admin" | "staff" | "viewer";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

declare module "next-auth" {
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    tenant: string;
    accessToken: string;
    refreshToken: string;
    accessTokenExpires: number;
    refreshAt: number;
  }
  /** What the browser can read from /api/auth/session: no tokens. */
  interface Session {
    user: SessionUser;
    tenant: string;
    error?: "RefreshFailed";
  }
}

declare module "next-auth/jwt" {
  /** Lives only inside the encrypted, httpOnly session cookie. */
  interface JWT {
    user?: SessionUser;
    tenant?: string;
    accessToken?: string;
    refreshToken?: string;
    /** Epoch ms when the access token expires. */
    accessTokenExpires?: number;
    /** Epoch ms after which the next session read refreshes the token. */
    refreshAt?: number;
    error?: "RefreshFailed";
  }
}

/**
 * Refresh this long before expiry (at most a quarter of the token's life). The admin shell reads
 * the session more often than this, so an open tab refreshes before the token lapses.
 */
export const REFRESH_MARGIN_MS = 2 * 60 * 1000;
/** How often the browser re-reads the session (seconds): keeps the token fresh while a tab is open. */
export const SESSION_POLL_SECONDS = 60;

export const DEFAULT_TENANT = process.env.DEFAULT_TENANT || "demo";

export const loginInputSchema = z.object({
  tenant: z.string().trim().toLowerCase().min(1).max(TENANT_SLUG_MAX).regex(TENANT_SLUG_PATTERN),
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
  /** The sign-in page's language: mail reaches the person in it (docs/email.md). */
  locale: z.enum(["en", "ar"]).optional().catch(undefined),
});

/** The end-user IP for login throttling, as server.ts resolved it (lib/client-ip.ts). */
function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const raw = headers?.["x-forwarded-for"];
  return typeof raw === "string" ? adminClientIp(raw) : undefined;
}

function loginErrorCode(error: unknown): LoginErrorCode {
  if (error instanceof StoreApiError) {
    if (error.status === 429 || error.code === "RATE_LIMIT_EXCEEDED") return "too_many_attempts";
    if (error.code === "TENANT_NOT_FOUND") return "unknown_store";
    if (error.status === 401 || error.status === 400 || error.status === 422)
      return "invalid_credentials";
  }
  log.error("admin.login_failed", { error });
  return "unavailable";
}

function isTransient(error: unknown): boolean {
  return !(error instanceof StoreApiError) || error.status >= 500;
}

/** How long the result of a refresh is handed to late requests still carrying the old cookie. */
const REFRESH_SHARE_MS = 30_000;

interface SharedRefresh {
  result: Promise<{ issued: Tokens; receivedAt: number }>;
  until: number;
}

// Process-wide (globalThis: route bundles may hold separate module instances).
const refreshes: Map<string, SharedRefresh> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("brainsait.admin.refreshes")
] ??= new Map<string, SharedRefresh>()) as Map<string, SharedRefresh>;

/**
 * Refresh tokens are single use and a second use revokes the session (ADR 0002). Requests that
 * arrive together (a poll, a navigation, a second tab) all carry the same cookie, so they share
 * one refresh call and its result instead of each spending the token.
 */
function refreshOnce(tenant: string, refreshToken: string): SharedRefresh["result"] {
  const now = Date.now();
  for (const [key, entry] of refreshes) if (entry.until < now) refreshes.delete(key);
  const key = createHash("sha256").update(`${tenant}\0${refreshToken}`).digest("base64url");
  const existing = refreshes.get(key);
  if (existing) return existing.result;
  // No automatic retry either: resending a spent refresh token looks like theft to the API.
  const result = new BrainSAITStore({ tenantId: tenant, maxRetries: 0 }).auth
    .refresh({ refreshToken })
    .then((issued) => ({ issued, receivedAt: Date.now() }));
  refreshes.set(key, { result, until: now + REFRESH_SHARE_MS });
  result.catch(() => refreshes.delete(key));
  return result;
}

async function refreshAccessToken(token: JWT): Promise<JWT> {
  if (!token.refreshToken || !token.tenant) return { ...token, error: "RefreshFailed" };
  try {
    const { issued, receivedAt } = await refreshOnce(token.tenant, token.refreshToken);
    return {
      ...token,
      user: pickUser(issued.user),
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      ...tokenTimes(issued.expiresIn, receivedAt),
      error: undefined,
    };
  } catch (error) {
    // A blip in the API should not sign anyone out while their access token still works.
    if (isTransient(error) && Date.now() < (token.accessTokenExpires ?? 0)) {
      log.warn("admin.token_refresh_deferred", { error });
      return token;
    }
    log.warn("admin.token_refresh_failed", { error });
    return { ...token, error: "RefreshFailed" };
  }
}

function tokenTimes(expiresInSeconds: number, now = Date.now()) {
  const lifetime = expiresInSeconds * 1000;
  return {
    accessTokenExpires: now + lifetime,
    refreshAt: now + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 4),
  };
}

function pickUser(user: SessionUser): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const jwtCallback: CallbacksOptions["jwt"] = async ({ token, user }) => {
  if (user) {
    // Sign-in: `user` is what authorize returned.
    return {
      sub: user.id,
      user: pickUser(user),
      tenant: user.tenant,
      accessToken: user.accessToken,
      refreshToken: user.refreshToken,
      accessTokenExpires: user.accessTokenExpires,
      refreshAt: user.refreshAt,
    };
  }
  if (token.error || !token.refreshAt) return token;
  if (Date.now() < token.refreshAt) return token;
  return refreshAccessToken(token);
};

export const authOptions: AuthOptions = {
  // NEXTAUTH_SECRET / NEXTAUTH_URL come from the environment (server.ts sets them).
  session: { strategy: "jwt" },
  pages: { signIn: "/en/login", error: "/en/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "BrainSAIT Store",
      credentials: {
        tenant: { label: "Store", type: "text" },
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        locale: { label: "Language", type: "text" },
      },
      async authorize(credentials, req) {
        const parsed = loginInputSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid_credentials" satisfies LoginErrorCode);
        const { tenant, email, password, locale } = parsed.data;
        // No automatic retry: a throttled sign-in must fail fast, and a retry counts as another attempt.
        const store = new BrainSAITStore({
          tenantId: tenant,
          forwardedFor: clientIp(req.headers),
          maxRetries: 0,
        });
        try {
          const issued = await store.auth.login({ email, password, locale });
          return {
            ...pickUser(issued.user),
            tenant,
            accessToken: issued.accessToken,
            refreshToken: issued.refreshToken,
            ...tokenTimes(issued.expiresIn),
          };
        } catch (error) {
          // next-auth forwards only the message to the client, as ?error=<code>; never a stack.
          throw new Error(loginErrorCode(error));
        }
      },
    }),
  ],
  callbacks: {
    jwt: jwtCallback,
    session: ({ session, token }) => ({
      expires: session.expires,
      user: token.user ?? { id: "", email: "", name: "", role: "viewer" },
      tenant: token.tenant ?? "",
      ...(token.error ? { error: token.error } : {}),
    }),
  },
  events: {
    // Revoke the refresh token family, so a copied cookie cannot mint new access tokens.
    async signOut({ token }) {
      if (!token?.refreshToken || !token.tenant) return;
      try {
        await new BrainSAITStore({ tenantId: token.tenant }).auth.logout({
          refreshToken: token.refreshToken,
        });
      } catch (error) {
        log.warn("admin.logout_revoke_failed", { error });
      }
    },
  },
};

/**
 * Options for reading the session from server components. Those cannot write cookies, so a
 * refresh there would rotate the refresh token and then lose the new one (and the API treats
 * the next use of the old one as theft). Server code therefore only reads; refreshing happens
 * where cookies can be written: /api/auth/session (polled by the shell) and /api/auth/refresh.
 */
export const serverReadOptions: AuthOptions = {
  ...authOptions,
  callbacks: {
    jwt: ({ token }) => token,
    session: ({ session, token }) => ({
      expires: session.expires,
      user: token.user ?? { id: "", email: "", name: "", role: "viewer" },
      tenant: token.tenant ?? "",
      accessToken: token.accessToken,
      accessTokenExpires: token.accessTokenExpires,
      ...(token.error ? { error: token.error } : {}),
    }),
  },
};
