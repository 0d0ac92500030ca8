"use client";

/** The display formatter for client components; usage in ./core.ts. */
import { useFormatter } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import {
  DEFAULT_DISPLAY_PREFERENCES,
  withDisplayPreferences,
  type DisplayFormatter,
  type DisplayPreferences,
} from "./core";

export { type DisplayFormatter, type DisplayPreferences } from "./core";

const PreferencesContext = createContext<DisplayPreferences>(DEFAULT_DISPLAY_PREFERENCES);

/** Set once by the admin layout from the session's /auth/me. */
export function DisplayPreferencesProvider({
  preferences,
  children,
}: {
  preferences: DisplayPreferences;
  children: ReactNode;
}) {
  return <PreferencesContext value={preferences}>{children}</PreferencesContext>;
}

/** The signed-in person's digits and calendar (the defaults outside the admin layout). */
export function useDisplayPreferences(): DisplayPreferences {
  return useContext(PreferencesContext);
}

/** next-intl's formatter with the person's digits and calendar applied. */
export function useDisplayFormatter(): DisplayFormatter {
  const format = useFormatter();
  const preferences = useDisplayPreferences();
  return useMemo(() => withDisplayPreferences(format, preferences), [format, preferences]);
}
