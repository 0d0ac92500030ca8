"use client";

import { KeyRound, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";

interface SecretDialogProps {
  /** The secret to show; null keeps the dialog closed. */
  secret: string | null;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** The copy field's label ("Signing secret", "API key"). */
  label: string;
  /** Under the field, linked to it for screen readers. */
  hint?: string;
  /** An amber notice above the field ("Copy it now: it won't be shown again"). */
  warning?: { title: ReactNode; description: ReactNode } | null;
  /** Defaults to Common.dialog.done. */
  doneLabel?: ReactNode;
  /** Extra lines under the field. */
  children?: ReactNode;
}

/**
 * A secret shown once, with a Copy button. Escape and the backdrop do not close it: it is never
 * readable again, so leaving takes the explicit Done button.
 */
export function SecretDialog({
  secret,
  onClose,
  title,
  description,
  label,
  hint,
  warning,
  doneLabel,
  children,
}: SecretDialogProps) {
  const t = useTranslations("Common.dialog");
  return (
    <Dialog
      open={secret !== null}
      onClose={onClose}
      busy
      icon={<KeyRound />}
      title={title}
      description={description}
      size="lg"
    >
      {warning ? (
        <Alert>
          <TriangleAlert aria-hidden className="text-amber-600" />
          <AlertTitle>{warning.title}</AlertTitle>
          <AlertDescription>{warning.description}</AlertDescription>
        </Alert>
      ) : null}
      {secret !== null ? <CopyField label={label} value={secret} hint={hint} /> : null}
      {children}
      <DialogActions>
        <DialogClose variant="default">{doneLabel ?? t("done")}</DialogClose>
      </DialogActions>
    </Dialog>
  );
}
