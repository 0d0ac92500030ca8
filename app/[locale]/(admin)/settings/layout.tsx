import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { sectionsForRole } from "@/components/settings/sections";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireMe } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

// The settings frame: a title and one tab per section the signed-in role may use.
export default async function SettingsLayout({ children, params }: Props) {
  const locale = await resolveLocale(params);
  const { me } = await requireMe(locale);
  const t = await getTranslations({ locale, namespace: "settings" });
  const sections = sectionsForRole(me.user.role);

  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="text-muted-foreground">{t("description")}</p>
      </div>
      {sections.length > 0 ? <SettingsNav keys={sections.map((s) => s.key)} /> : null}
      <div className="flex flex-col gap-6">{children}</div>
    </div>
  );
}
