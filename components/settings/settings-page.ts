import { getDisplayFormatter } from "@/lib/admin/format/server";
import type { Permission } from "@/lib/auth/permissions";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { storeTimeZone } from "./format";
import { roleCan } from "./sections";

/**
 * What a settings page starts from: the signed-in member, the store's SDK client, and a formatter
 * in the store's time zone; null when the member's role lacks `permission` (show NoAccess).
 */
export async function openSettingsPage(
  params: Promise<{ locale: string }>,
  permission: Permission,
) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  if (!roleCan(me.user.role, permission)) return null;
  return {
    me,
    store: sessionStore(session),
    format: await getDisplayFormatter(locale, me.preferences),
    timeZone: storeTimeZone(me.tenant.timeZone),
  };
}
