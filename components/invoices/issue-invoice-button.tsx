"use client";

import { FilePlus2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorText } from "@/components/ui/use-error-text";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";

/**
 * "Issue invoice" for a paid order without one. It asks first: the number is taken for good and
 * the invoice cannot be changed. The page re-renders with the invoice listed once it is issued.
 */
export function IssueInvoiceButton({
  onIssue,
}: {
  onIssue: () => Promise<ActionResult<{ id: string; number: string }>>;
}) {
  const t = useTranslations("Invoices.card");
  const tError = useTranslations("Invoices.errors");
  const words = useErrorText({ ORDER_NOT_INVOICEABLE: tError("ORDER_NOT_INVOICEABLE") });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ActionIssue | null>(null);

  async function confirm() {
    setError(null);
    const result = await onIssue();
    if (!result.ok) return setError(result.error);
    setOpen(false);
  }

  return (
    <>
      {error && !open ? (
        <ErrorAlert title={t("errorTitle")}>
          <AlertDescription>{words(error)}</AlertDescription>
        </ErrorAlert>
      ) : null}
      <Button
        size="sm"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        <FilePlus2 aria-hidden />
        {t("issue")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        role="dialog"
        title={t("dialog.title")}
        description={t("dialog.description")}
        icon={<FilePlus2 />}
        confirmLabel={t("dialog.confirm")}
        pendingLabel={t("dialog.submitting")}
        confirmIcon={<FilePlus2 aria-hidden />}
        error={error ? words(error) : null}
        onConfirm={confirm}
      />
    </>
  );
}
