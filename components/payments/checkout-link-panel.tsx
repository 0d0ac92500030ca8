"use client";

import { CircleCheck, Link2, Link2Off, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { usePaymentErrorText } from "./use-payment-error-text";

/** The order's checkout link as the server formatted it (expiry in the store's time zone). */
export interface CheckoutLinkView {
  url: string;
  expires: string;
  expired: boolean;
}

type Notice = "created" | "replaced" | "revoked" | null;

/**
 * The order's hosted checkout link: create one, copy it to send to the customer, replace it (the
 * old one stops working) or revoke it; the last two ask first.
 */
export function CheckoutLinkPanel({
  link,
  payable,
  canWrite,
  onCreate,
  onRevoke,
}: {
  link: CheckoutLinkView | null;
  /** Whether the order still waits for payment (only then is a new link offered). */
  payable: boolean;
  canWrite: boolean;
  onCreate: () => Promise<ActionResult<unknown>>;
  onRevoke: () => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("Payments.checkoutLink");
  const errorText = usePaymentErrorText();
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<ActionIssue | null>(null);
  const [confirming, setConfirming] = useState<"replace" | "revoke" | null>(null);
  const [confirmError, setConfirmError] = useState<ActionIssue | null>(null);
  const [creating, startCreating] = useTransition();

  function create() {
    startCreating(async () => {
      setNotice(null);
      setError(null);
      const result = await onCreate();
      if (result.ok) setNotice("created");
      else setError(result.error);
    });
  }

  async function confirm() {
    if (!confirming) return;
    setConfirmError(null);
    const result = confirming === "replace" ? await onCreate() : await onRevoke();
    if (!result.ok) return setConfirmError(result.error);
    setNotice(confirming === "replace" ? "replaced" : "revoked");
    setConfirming(null);
  }

  function ask(kind: "replace" | "revoke") {
    setNotice(null);
    setError(null);
    setConfirmError(null);
    setConfirming(kind);
  }

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite" className="empty:hidden">
        {notice ? (
          <Alert variant="success" role="status">
            <CircleCheck aria-hidden />
            <AlertDescription>{t(`notices.${notice}`)}</AlertDescription>
          </Alert>
        ) : error ? (
          <ErrorAlert title={t("errorTitle")}>
            <AlertDescription>{errorText(error)}</AlertDescription>
          </ErrorAlert>
        ) : null}
      </div>

      {link ? (
        <>
          <CopyField
            label={t("url")}
            value={link.url}
            hint={link.expired ? undefined : t("expires", { date: link.expires })}
          />
          {link.expired ? (
            <p className="text-sm text-destructive">{t("expired", { date: link.expires })}</p>
          ) : null}
          {!payable ? <p className="text-sm text-muted-foreground">{t("notPayable")}</p> : null}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">
          {payable ? (canWrite ? t("none") : t("noneReadOnly")) : t("notPayable")}
        </p>
      )}

      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          {!link && payable ? (
            <SubmitButton
              type="button"
              pending={creating}
              icon={<Link2 aria-hidden />}
              pendingLabel={t("creating")}
              onClick={create}
            >
              {t("create")}
            </SubmitButton>
          ) : null}
          {link && payable ? (
            <Button variant="outline" size="sm" onClick={() => ask("replace")}>
              <RefreshCw aria-hidden />
              {t("replace")}
            </Button>
          ) : null}
          {link ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-destructive hover:bg-destructive-soft"
              onClick={() => ask("revoke")}
            >
              <Link2Off aria-hidden />
              {t("revoke")}
            </Button>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming === "replace"}
        onClose={() => setConfirming(null)}
        title={t("replaceDialog.title")}
        description={t("replaceDialog.description")}
        icon={<RefreshCw />}
        confirmLabel={t("replaceDialog.confirm")}
        pendingLabel={t("replaceDialog.submitting")}
        confirmIcon={<RefreshCw aria-hidden />}
        error={confirmError ? errorText(confirmError) : null}
        onConfirm={confirm}
      />
      <ConfirmDialog
        open={confirming === "revoke"}
        onClose={() => setConfirming(null)}
        tone="destructive"
        title={t("revokeDialog.title")}
        description={t("revokeDialog.description")}
        icon={<Link2Off />}
        confirmLabel={t("revokeDialog.confirm")}
        pendingLabel={t("revokeDialog.submitting")}
        confirmIcon={<Link2Off aria-hidden />}
        error={confirmError ? errorText(confirmError) : null}
        onConfirm={confirm}
      />
    </div>
  );
}
