"use server";

import { cookies } from "next/headers";
import { hasLocale } from "next-intl";
import { checklistCookie } from "@/components/admin/setup-checklist";
import { DisplayPreferencesUpdate } from "@/lib/auth/contract";
import { requireSession } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { adminAction, fieldIssues, toResult } from "@/lib/admin/safe-action";

const dismiss = adminAction.action(async ({ bindArgsParsedInputs: [locale] }) => {
  // adminAction checked the session; the cookie is named after its store.
  const session = await requireSession(hasLocale(routing.locales, locale) ? locale : "en");
  // Setting a cookie in an action re-renders the page, so the card goes at once.
  (await cookies()).set(checklistCookie(session.tenant), "dismissed", {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && process.env.PUBLIC_URL?.startsWith("https:"),
  });
});

/** Hides the home page's setup checklist for this store, in this browser, for a year. */
export async function dismissChecklist(locale: string): Promise<void> {
  // A form's action: nothing to show on failure (a lost session redirects to sign-in).
  await dismiss(locale);
}

/**
 * The signed-in person's digits and calendar (the profile menu). Every page formats with them,
 * so the change drops the browser's cached admin pages.
 */
export const updateDisplayPreferences = toResult(
  adminAction
    .metadata({ updates: "preferences" })
    .inputSchema(DisplayPreferencesUpdate, fieldIssues(DisplayPreferencesUpdate))
    .action(async ({ parsedInput, ctx: { store } }) => store.auth.updatePreferences(parsedInput)),
);
