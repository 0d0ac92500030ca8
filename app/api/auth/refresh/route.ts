import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/admin/next-auth";
import { safeReturnPath } from "@/lib/admin/login-shared";
import { routing } from "@/lib/admin/i18n/routing";

const handler = NextAuth(authOptions);

/**
 * Server components cannot write cookies, so when one finds the access token expired it sends
 * the browser here. Reading the session through next-auth's own handler runs the jwt callback
 * (which refreshes the token) and returns the re-encrypted cookie, which we pass on.
 */
export async function GET(req: NextRequest) {
  const target =
    safeReturnPath(req.nextUrl.searchParams.get("callbackUrl"), routing.locales) ??
    `/${routing.defaultLocale}`;
  const locale = target.split(/[/?#]/)[1] ?? routing.defaultLocale;
  const result: Response = await handler(req, {
    params: Promise.resolve({ nextauth: ["session"] }),
  });
  const session = (await result.json().catch(() => null)) as {
    user?: { id?: string };
    error?: string;
  } | null;
  const ok = Boolean(session?.user?.id) && !session?.error;
  const location = ok ? target : `/${locale}/login?error=session_expired`;
  // A relative Location: behind the custom server req.url names Next's own hostname, not the
  // host the browser used, and the session cookie belongs to the latter.
  const response = new Response(null, {
    status: 303,
    headers: { location, "cache-control": "no-store" },
  });
  for (const cookie of result.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
