import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import {
  adminContentSecurityPolicy,
  checkoutContentSecurityPolicy,
  createNonce,
} from "@/lib/admin/csp";
import { PATHNAME_HEADER } from "@/lib/admin/i18n/headers";
import { routing } from "@/lib/admin/i18n/routing";

const handleI18nRouting = createMiddleware(routing);

/** The hosted checkout (app/[locale]/pay): the only pages that may load Stripe and PayPal. */
const CHECKOUT_PATH = new RegExp(`^/(?:${routing.locales.join("|")})/pay(?:/|$)`);

/**
 * Locale routing only: redirects `/` to `/en` or `/ar` and remembers the choice. This is NOT an
 * authorization boundary; every page, action and route handler checks the session itself.
 */
export default function proxy(request: NextRequest) {
  // Server components cannot see the URL; this lets a token refresh return to the same page.
  // It is overwritten here, so a client cannot inject it, and it is only used as a return path.
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next.js takes the nonce from the request's CSP header and puts it on its scripts.
  const policy = CHECKOUT_PATH.test(request.nextUrl.pathname)
    ? checkoutContentSecurityPolicy
    : adminContentSecurityPolicy;
  const csp = policy(createNonce(), process.env.NODE_ENV === "development");
  request.headers.set("content-security-policy", csp);
  const response = handleI18nRouting(request);
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Skip the Store API, the health check, Next internals and any path with a file extension.
  matcher: ["/((?!api|health|_next|_vercel|.*\\..*).*)"],
};
