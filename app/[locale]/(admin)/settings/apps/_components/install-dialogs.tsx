"use client";

import { Download, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { AppView } from "@/components/apps/app-view";
import { useAppsErrorText } from "@/components/apps/use-apps-error-text";
import { ScopeBadges } from "@/components/settings/scope-badges";
import type { Notice } from "@/components/settings/notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import { installApp, uninstallApp } from "../actions";

type Confirming = { kind: "install" | "uninstall"; app: AppView } | null;

/**
 * Install (listing what the app asks for) and uninstall (destructive) confirmations, for the
 * directory and the app's page: `ask` opens one; `onDone` gets the outcome for the page's notice.
 */
export function useInstallDialogs(onDone: (notice: Notice) => void) {
  const t = useTranslations("apps");
  const locale = useLocale();
  const errorText = useAppsErrorText();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [error, setError] = useState<ActionIssue | null>(null);

  async function confirm() {
    if (!confirming) return;
    const { kind, app } = confirming;
    setError(null);
    const result =
      kind === "install" ? await installApp(locale, app.ref) : await uninstallApp(locale, app.ref);
    if (!result.ok) return setError(result.error);
    setConfirming(null);
    onDone({ tone: "success", text: t(`${kind}.done`, { name: app.name }) });
  }

  const common = {
    error: error ? errorText(error) : null,
    onConfirm: confirm,
    onClose: () => setConfirming(null),
  };
  const app = confirming?.app;

  const dialogs = (
    <>
      <ConfirmDialog
        open={confirming?.kind === "install"}
        role="dialog"
        icon={<Download />}
        title={t("install.title", { name: app?.name ?? "" })}
        description={t("install.description", { developer: app?.developer ?? "" })}
        confirmLabel={t("install.confirm")}
        pendingLabel={t("install.submitting")}
        confirmIcon={<Download aria-hidden />}
        {...common}
      >
        <ScopeBadges scopes={app?.scopes ?? []} label={t("card.asksFor")} />
        {app?.kind === "staff" ? (
          <p className="text-sm text-muted-foreground">{t("install.staffNote")}</p>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming?.kind === "uninstall"}
        tone="destructive"
        icon={<Trash2 />}
        title={t("uninstall.title", { name: app?.name ?? "" })}
        description={t("uninstall.description")}
        confirmLabel={t("uninstall.confirm")}
        pendingLabel={t("uninstall.submitting")}
        confirmIcon={<Trash2 aria-hidden />}
        {...common}
      />
    </>
  );

  return {
    ask: (kind: "install" | "uninstall", app: AppView) => {
      setError(null);
      setConfirming({ kind, app });
    },
    dialogs,
  };
}
