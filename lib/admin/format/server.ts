/** The display formatter for server code; usage in ./core.ts. */
import type { Locale } from "next-intl";
import { getFormatter } from "next-intl/server";
import { requireMe } from "@/lib/admin/session";
import { withDisplayPreferences, type DisplayFormatter, type DisplayPreferences } from "./core";

export { type DisplayFormatter, type DisplayPreferences } from "./core";

/**
 * The signed-in person's formatter for `locale`. Pass `preferences` where `me` is already at hand
 * (route handlers); otherwise they come from requireMe, fetched once per request.
 */
export async function getDisplayFormatter(
  locale: Locale,
  preferences?: DisplayPreferences,
): Promise<DisplayFormatter> {
  const [format, prefs] = await Promise.all([
    getFormatter({ locale }),
    preferences ?? requireMe(locale).then(({ me }) => me.preferences),
  ]);
  return withDisplayPreferences(format, prefs);
}
