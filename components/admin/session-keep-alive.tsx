"use client";

import { SessionProvider, useSession } from "next-auth/react";
import { useLocale } from "next-intl";
import { useEffect, type ReactNode } from "react";

interface SessionKeepAliveProps {
  children: ReactNode;
  /** Seconds between session reads; each read lets next-auth refresh the token and its cookie. */
  pollSeconds: number;
}

/**
 * Server components can only read the session; refreshing (which rewrites the cookie) happens
 * when the browser reads /api/auth/session. Polling keeps the access token fresh while the admin
 * is open, and notices a sign-out or failed refresh from elsewhere.
 */
export function SessionKeepAlive({ children, pollSeconds }: SessionKeepAliveProps) {
  return (
    <SessionProvider refetchInterval={pollSeconds} refetchOnWindowFocus>
      <SessionWatcher />
      {children}
    </SessionProvider>
  );
}

function SessionWatcher() {
  const { data, status } = useSession();
  const locale = useLocale();
  const ended = status === "unauthenticated" || data?.error === "RefreshFailed";

  useEffect(() => {
    if (!ended) return;
    const suffix = data?.error ? "?error=session_expired" : "";
    // A full load, so nothing of the ended session stays in the router cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/${locale}/login${suffix}`);
  }, [ended, data?.error, locale]);

  return null;
}
