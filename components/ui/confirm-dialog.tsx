"use client";

import { useTranslations } from "next-intl";
import { useRef, useTransition, type ReactNode } from "react";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogClose, type DialogProps } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";

interface ConfirmDialogProps extends Pick<
  DialogProps,
  "open" | "onClose" | "title" | "description" | "icon" | "tone"
> {
  /** alertdialog by default; "dialog" for a confirmation that is not a warning. */
  role?: DialogProps["role"];
  confirmLabel: ReactNode;
  /** The confirm button's label while the action runs ("Deleting…"). */
  pendingLabel?: ReactNode;
  confirmIcon?: ReactNode;
  /** Defaults to Common.dialog.cancel. */
  cancelLabel?: ReactNode;
  /** Runs in a transition: both buttons are disabled and Escape is held until it settles. */
  onConfirm: () => Promise<void> | void;
  /** The last attempt's failure, already in words; shown above the buttons. */
  error?: ReactNode;
  /** Extra content between the description and the buttons. */
  children?: ReactNode;
}

/**
 * "Are you sure?" for one action. Cancel takes the first focus, so Enter never confirms by
 * accident; the confirm button shows a spinner while the action runs.
 */
export function ConfirmDialog({
  tone = "default",
  role = "alertdialog",
  confirmLabel,
  pendingLabel,
  confirmIcon,
  cancelLabel,
  onConfirm,
  error,
  children,
  ...dialog
}: ConfirmDialogProps) {
  const t = useTranslations("Common.dialog");
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog {...dialog} busy={pending} role={role} tone={tone} initialFocus={cancelRef}>
      {children}
      {error ? (
        <ErrorAlert>
          <AlertDescription>{error}</AlertDescription>
        </ErrorAlert>
      ) : null}
      <DialogActions>
        <DialogClose ref={cancelRef} disabled={pending}>
          {cancelLabel ?? t("cancel")}
        </DialogClose>
        <SubmitButton
          type="button"
          variant={tone === "destructive" ? "destructive" : "default"}
          pending={pending}
          icon={confirmIcon}
          pendingLabel={pendingLabel}
          onClick={() => startTransition(onConfirm)}
        >
          {confirmLabel}
        </SubmitButton>
      </DialogActions>
    </Dialog>
  );
}
