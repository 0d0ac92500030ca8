"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AppView } from "@/components/apps/app-view";
import { NoticeAlert, type Notice } from "@/components/settings/notice";
import { ScopeBadges } from "@/components/settings/scope-badges";
import { Card } from "@/components/ui/card";
import { InstallButton, InstallSummary } from "../../_components/app-card";
import { useInstallDialogs } from "../../_components/install-dialogs";

/** The app page's first card: installed or not, what the store granted, and the one action. */
export function InstallState({ app, canManage }: { app: AppView; canManage: boolean }) {
  const t = useTranslations("apps");
  const [notice, setNotice] = useState<Notice>(null);
  const { ask, dialogs } = useInstallDialogs(setNotice);
  return (
    <section className="flex flex-col gap-3" aria-labelledby="app-install-title">
      <NoticeAlert notice={notice} />
      <Card className="flex flex-col gap-4 p-5">
        <h3 id="app-install-title" className="text-lg font-semibold">
          {app.install ? t("detail.installed") : t("detail.notInstalled")}
        </h3>
        {app.install ? <InstallSummary install={app.install} /> : null}
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">
            {app.install ? t("detail.granted") : t("card.asksFor")}
          </span>
          <ScopeBadges
            scopes={app.install?.scopes ?? app.scopes}
            label={app.install ? t("detail.granted") : t("card.asksFor")}
          />
        </div>
        <p className="text-sm text-muted-foreground">{t(`kindHint.${app.kind}`)}</p>
        {canManage ? (
          <div className="flex flex-wrap gap-2 border-t border-border pt-4">
            <InstallButton
              app={app}
              onAsk={(kind, chosen) => {
                setNotice(null);
                ask(kind, chosen);
              }}
            />
          </div>
        ) : null}
      </Card>
      {dialogs}
    </section>
  );
}
