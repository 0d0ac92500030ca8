"use client";

import { KeyRound, Plus, ShieldAlert, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { NoticeAlert, type Notice } from "@/components/settings/notice";
import { SectionHeader } from "@/components/settings/parts";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SecretDialog } from "@/components/ui/secret-dialog";
import type { Scope } from "@/lib/auth/permissions";
import { CreateKeyDialog } from "./_components/create-key-dialog";
import { KeysTable, type ApiKeyRow } from "./_components/keys-table";
import { RollKeyDialog, type GraceKey } from "./_components/roll-key-dialog";
import { revokeApiKey, type IssuedKey } from "./actions";

interface ApiKeysClientProps {
  rows: ApiKeyRow[];
  /** Scopes the signed-in role may put on a key. */
  grantable: Scope[];
  /** Today in the store's time zone (YYYY-MM-DD): the earliest expiry date. */
  today: string;
}

/** A key just issued, and after a roll how long the old one keeps working. */
type IssuedSecret = { key: IssuedKey; rolled: GraceKey | null };

export function ApiKeysClient({ rows, grantable, today }: ApiKeysClientProps) {
  const t = useTranslations("settings.apiKeys");
  const locale = useLocale();
  const errorText = useSettingsErrorText();
  const [creating, setCreating] = useState(false);
  const [rolling, setRolling] = useState<ApiKeyRow | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [secret, setSecret] = useState<IssuedSecret | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden />
      {t("create")}
    </Button>
  );

  return (
    <section className="flex flex-col gap-5" aria-labelledby="api-keys-title">
      <SectionHeader id="api-keys-title" title={t("title")} description={t("description")}>
        {rows.length > 0 ? createButton : null}
      </SectionHeader>

      <NoticeAlert notice={notice} />

      {rows.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title={t("empty.title")}
          description={t("empty.description")}
        >
          {createButton}
        </EmptyState>
      ) : (
        <KeysTable
          rows={rows}
          onRoll={(row) => {
            setNotice(null);
            setRolling(row);
          }}
          onRevoke={(row) => {
            setNotice(null);
            setRevoking(row);
          }}
        />
      )}

      <CreateKeyDialog
        open={creating}
        grantable={grantable}
        today={today}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setSecret({ key, rolled: null });
        }}
      />
      <RollKeyDialog
        row={rolling}
        onClose={() => setRolling(null)}
        onRolled={(key, grace) => {
          setRolling(null);
          setSecret({ key, rolled: grace });
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        tone="destructive"
        icon={<ShieldAlert />}
        title={t("revoke.title", { name: revoking?.name ?? "" })}
        description={t("revoke.description")}
        cancelLabel={t("revoke.cancel")}
        confirmLabel={t("revoke.confirm")}
        pendingLabel={t("revoke.submitting")}
        confirmIcon={<Trash2 aria-hidden />}
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeApiKey(locale, revoking.id);
          setRevoking(null);
          setNotice(
            result.ok
              ? { tone: "success", text: t("revoke.done", { name: revoking.name }) }
              : { tone: "error", text: errorText(result.error) },
          );
        }}
      />
      {/* A key is shown once: it is never readable again. */}
      <SecretDialog
        secret={secret?.key.key ?? null}
        onClose={() => setSecret(null)}
        title={t("secret.title")}
        description={t("secret.description", { name: secret?.key.name ?? "" })}
        label={t("secret.label")}
        warning={{ title: t("secret.warningTitle"), description: t("secret.warning") }}
        doneLabel={t("secret.done")}
      >
        {secret?.rolled ? (
          <p className="text-sm text-muted-foreground">{t(`secret.rolled.${secret.rolled}`)}</p>
        ) : null}
      </SecretDialog>
    </section>
  );
}
