"use client";

import { Code, RefreshCw, UserPlus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useAppsErrorText } from "@/components/apps/use-apps-error-text";
import { NoticeAlert, type Notice } from "@/components/settings/notice";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SecretDialog } from "@/components/ui/secret-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import type { Scope } from "@/lib/auth/permissions";
import { rotateDeveloperSecret, type IssuedDeveloperSecret } from "./actions";
import { AppFormDialog } from "./_components/app-form-dialog";
import { DeveloperAccount } from "./_components/developer-account";
import type { DeveloperAppView, DeveloperView } from "./_components/developer-view";
import { RegisterDialog } from "./_components/register-dialog";

type Shown = IssuedDeveloperSecret & { rotated: boolean };

/** The developer area: register, the secret shown once, rotation, and each account's apps. */
export function DeveloperClient({
  accounts,
  scopes,
}: {
  accounts: DeveloperView[];
  scopes: readonly Scope[];
}) {
  const t = useTranslations("developer");
  const locale = useLocale();
  const errorText = useAppsErrorText();
  const [registering, setRegistering] = useState(false);
  const [secret, setSecret] = useState<Shown | null>(null);
  const [rotating, setRotating] = useState<DeveloperView | null>(null);
  const [rotateError, setRotateError] = useState<ActionIssue | null>(null);
  const [editing, setEditing] = useState<{
    developerRef: string;
    app: DeveloperAppView | null;
  } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const registerButton = (
    <Button
      onClick={() => {
        setNotice(null);
        setRegistering(true);
      }}
    >
      <UserPlus aria-hidden />
      {t("registerButton")}
    </Button>
  );

  return (
    <div className="flex max-w-6xl flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex max-w-2xl flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
          <p className="text-muted-foreground">{t("description")}</p>
        </div>
        {accounts.length > 0 ? registerButton : null}
      </header>

      <NoticeAlert notice={notice} />

      {accounts.length === 0 ? (
        <EmptyState
          level={2}
          icon={<Code />}
          title={t("empty.title")}
          description={t("empty.description")}
        >
          {registerButton}
        </EmptyState>
      ) : (
        accounts.map((account) => (
          <DeveloperAccount
            key={account.ref}
            account={account}
            onRotate={() => {
              setNotice(null);
              setRotateError(null);
              setRotating(account);
            }}
            onCreateApp={() => {
              setNotice(null);
              setEditing({ developerRef: account.ref, app: null });
            }}
            onEditApp={(app) => {
              setNotice(null);
              setEditing({ developerRef: account.ref, app });
            }}
          />
        ))
      )}

      <RegisterDialog
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(issued) => {
          setRegistering(false);
          setSecret({ ...issued, rotated: false });
        }}
      />
      <AppFormDialog
        target={editing}
        scopes={scopes}
        onClose={() => setEditing(null)}
        onSaved={(name, created) => {
          setEditing(null);
          setNotice({
            tone: "success",
            text: t(created ? "apps.created" : "apps.saved", { name }),
          });
        }}
      />
      <ConfirmDialog
        open={rotating !== null}
        tone="destructive"
        icon={<RefreshCw />}
        title={t("rotate.title", { ref: rotating?.ref ?? "" })}
        description={t("rotate.description")}
        confirmLabel={t("rotate.confirm")}
        pendingLabel={t("rotate.submitting")}
        confirmIcon={<RefreshCw aria-hidden />}
        error={rotateError ? errorText(rotateError) : null}
        onClose={() => setRotating(null)}
        onConfirm={async () => {
          if (!rotating) return;
          const result = await rotateDeveloperSecret(locale, rotating.ref);
          if (!result.ok) return setRotateError(result.error);
          setRotating(null);
          setSecret({ ...result.data, rotated: true });
        }}
      />
      {/* The developer secret is shown once: it is never readable again. */}
      <SecretDialog
        secret={secret?.secret ?? null}
        onClose={() => setSecret(null)}
        title={t(secret?.rotated ? "secret.rotatedTitle" : "secret.registeredTitle")}
        description={t("secret.description", { ref: secret?.developerRef ?? "" })}
        label={t("secret.label")}
        warning={{ title: t("secret.warningTitle"), description: t("secret.warning") }}
        doneLabel={t("secret.done")}
      />
    </div>
  );
}
