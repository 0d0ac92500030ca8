"use client";

import { Blocks, CircleAlert, Code } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AppView } from "@/components/apps/app-view";
import { NoticeAlert, type Notice } from "@/components/settings/notice";
import { SectionHeader } from "@/components/settings/parts";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/lib/admin/i18n/navigation";
import { AppCard } from "./_components/app-card";
import { useInstallDialogs } from "./_components/install-dialogs";

/** The store's app directory: installed apps first, then those it could install. */
export function AppsClient({ apps, canManage }: { apps: AppView[]; canManage: boolean }) {
  const t = useTranslations("apps");
  const [notice, setNotice] = useState<Notice>(null);
  const { ask, dialogs } = useInstallDialogs(setNotice);
  const installed = apps.filter((app) => app.install);
  const available = apps.filter((app) => !app.install);

  const group = (key: "installed" | "available", list: AppView[]) =>
    list.length > 0 ? (
      <section className="flex flex-col gap-3" aria-labelledby={`apps-${key}`}>
        <h3 id={`apps-${key}`} className="text-base font-semibold">
          {t(`groups.${key}`)}
        </h3>
        <ul className="grid gap-4 lg:grid-cols-2">
          {list.map((app) => (
            <li key={app.ref} className="min-w-0">
              <AppCard
                app={app}
                canManage={canManage}
                onAsk={(kind, chosen) => {
                  setNotice(null);
                  ask(kind, chosen);
                }}
              />
            </li>
          ))}
        </ul>
      </section>
    ) : null;

  const developerLink = (
    <Link href="/developer" className={buttonVariants({ variant: "outline" })}>
      <Code aria-hidden />
      {t("developerLink")}
    </Link>
  );

  return (
    <section className="flex flex-col gap-5" aria-labelledby="apps-title">
      <SectionHeader id="apps-title" title={t("title")} description={t("description")}>
        {apps.length > 0 ? developerLink : null}
      </SectionHeader>

      {!canManage ? (
        <Alert>
          <CircleAlert aria-hidden />
          <AlertDescription>{t("readOnly")}</AlertDescription>
        </Alert>
      ) : null}

      <NoticeAlert notice={notice} />

      {apps.length === 0 ? (
        <EmptyState icon={<Blocks />} title={t("empty.title")} description={t("empty.description")}>
          {developerLink}
        </EmptyState>
      ) : (
        <>
          {group("installed", installed)}
          {group("available", available)}
        </>
      )}
      {dialogs}
    </section>
  );
}
