"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { Link, usePathname } from "@/lib/admin/i18n/navigation";
import { SETTINGS_SECTIONS, type SettingsSection } from "./sections";

/** The settings sub-navigation: tabs along the top that scroll sideways on a phone. */
export function SettingsNav({ keys }: { keys: SettingsSection["key"][] }) {
  const t = useTranslations("settings.nav");
  const pathname = usePathname();
  const sections = SETTINGS_SECTIONS.filter((section) => keys.includes(section.key));

  return (
    <nav aria-label={t("label")} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
      <ul className="flex min-w-max gap-1 border-b border-border">
        {sections.map((section) => {
          const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
          const Icon = section.icon;
          return (
            <li key={section.key}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                  active
                    ? "border-primary text-primary-soft-foreground"
                    : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
                )}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {t(`items.${section.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
