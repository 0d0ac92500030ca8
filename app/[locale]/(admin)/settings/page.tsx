import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/settings/parts";
import { sectionsForRole } from "@/components/settings/sections";
import { requireMe } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "settings" });
  return { title: t("title") };
}

/** /settings opens the first section the role may use. */
export default async function SettingsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { me } = await requireMe(locale);
  const first = sectionsForRole(me.user.role)[0];
  if (first) redirect(`/${locale}${first.href}`);
  return <NoAccess />;
}
