import { getServerSession } from "next-auth";
import { hasLocale } from "next-intl";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { BrainSAITStore, StoreApiError } from "@/lib/sdk";
import { PATHNAME_HEADER } from "@/lib/admin/i18n/headers";
import { routing } from "@/lib/admin/i18n/routing";
import { safeReturnPath } from "./login-shared";
import { serverReadOptions, type SessionUser } from "./next-auth";

/** The session as server code sees it. The access token never reaches the browser. */
export interface ServerSession {
  user: SessionUser;
  tenant: string;
  accessToken: string;
  accessTokenExpires: number;
}

interface RawServerSession extends Partial<ServerSession> {
  error?: "RefreshFailed";
}

/** Treat a token this close to expiry as expired: it could lapse during the render. */
const STALE_SKEW_MS = 5_000;

// One cookie decode per request, however many layouts and pages ask.
const readSession = cache(
  async () => (await getServerSession(serverReadOptions)) as RawServerSession | null,
);

/** The sign-in page, asked to come back to the current page afterwards. */
async function loginPath(locale: string, error?: "session_expired"): Promise<string> {
  const query = new URLSearchParams();
  if (error) query.set("error", error);
  const back = await currentPath(locale);
  if (back !== `/${locale}`) query.set("callbackUrl", back);
  const search = query.toString();
  return `/${locale}/login${search ? `?${search}` : ""}`;
}

/** Where to come back to after a transparent token refresh: the requested page, if known. */
async function currentPath(locale: string): Promise<string> {
  const requested = (await headers()).get(PATHNAME_HEADER);
  return safeReturnPath(requested, routing.locales) ?? `/${locale}`;
}

/** The authorization gate for admin pages, layouts and server actions (proxy.ts is not one). */
export async function requireSession(locale: string): Promise<ServerSession> {
  const session = await readSession();
  if (session?.error) redirect(await loginPath(locale, "session_expired"));
  const { user, tenant, accessToken, accessTokenExpires } = session ?? {};
  if (!user?.id || !tenant || !accessToken || !accessTokenExpires)
    redirect(await loginPath(locale));
  if (Date.now() >= accessTokenExpires - STALE_SKEW_MS) {
    redirect(`/api/auth/refresh?callbackUrl=${encodeURIComponent(await currentPath(locale))}`);
  }
  return { user, tenant, accessToken, accessTokenExpires };
}

/** The Store API SDK, acting as the signed-in user. */
export function sessionStore(session: Pick<ServerSession, "tenant" | "accessToken">) {
  return new BrainSAITStore({ tenantId: session.tenant, accessToken: session.accessToken });
}

/**
 * The SDK for a server action. The locale arrives from the browser, so an unknown one falls back
 * to English for the sign-in redirect.
 */
export async function requireStore(locale: string): Promise<BrainSAITStore> {
  const session = await requireSession(hasLocale(routing.locales, locale) ? locale : "en");
  return sessionStore(session);
}

export type Me = Awaited<ReturnType<BrainSAITStore["auth"]["me"]>>;

const fetchMe = cache(async (tenant: string, accessToken: string): Promise<Me> => {
  return new BrainSAITStore({ tenantId: tenant, accessToken }).auth.me();
});

/** The signed-in user and their store, fetched once per request through the SDK. */
export async function requireMe(locale: string): Promise<{ session: ServerSession; me: Me }> {
  const session = await requireSession(locale);
  let me: Me;
  try {
    me = await fetchMe(session.tenant, session.accessToken);
  } catch (error) {
    // The API no longer accepts this session (revoked, user disabled): sign in again.
    if (error instanceof StoreApiError && error.status === 401)
      redirect(await loginPath(locale, "session_expired"));
    throw error;
  }
  return { session, me };
}

/**
 * The signed-in person's display preferences, or null for nobody (sign-in, invitation and
 * checkout pages) or a session that cannot be used; never redirects. For the i18n request config,
 * which gives them to every translated sentence (lib/admin/i18n/request.ts).
 */
export async function signedInPreferences(): Promise<Me["preferences"] | null> {
  const session = await readSession();
  if (!session || session.error || !session.tenant || !session.accessToken) return null;
  if (!session.accessTokenExpires || Date.now() >= session.accessTokenExpires - STALE_SKEW_MS)
    return null;
  try {
    return (await fetchMe(session.tenant, session.accessToken)).preferences;
  } catch {
    // The page's own requireMe answers for a session the API refuses.
    return null;
  }
}
