"use server";

import { cookies } from "next/headers";
import { hasLocale } from "next-intl";
import { checklistCookie } from "@/components/admin/setup-checklist";
import { requireSession } from "@/lib/auth/session";
import { routing } from "@/lib/i18n/routing";

/** Hides the home page's setup checklist for this store, in this browser, for a year. */
export async function dismissChecklist(locale: string): Promise<void> {
  const session = await requireSession(hasLocale(routing.locales, locale) ? locale : "en");
  // Setting a cookie in an action re-renders the page, so the card goes at once.
  (await cookies()).set(checklistCookie(session.tenant), "dismissed", {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && process.env.PUBLIC_URL?.startsWith("https:"),
  });
}
