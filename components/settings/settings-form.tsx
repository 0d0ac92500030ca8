"use client";

import { useState, type FormEventHandler, type ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue } from "@/lib/admin/action-result";
import { useSettingsErrorText } from "./use-settings-error-text";

/** A settings form: react-hook-form's context for FormField, the browser's own checks off. */
export function SettingsForm<T extends FieldValues, C, V extends FieldValues>({
  form,
  onSubmit,
  children,
}: {
  form: UseFormReturn<T, C, V>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <Form {...form}>
      <form
        noValidate
        onSubmit={onSubmit}
        className="flex flex-col gap-5"
        aria-busy={form.formState.isSubmitting}
      >
        {children}
      </form>
    </Form>
  );
}

/** Why a submitted form was refused, when no single field is to blame. */
function FormAlert({ title, text }: { title: string; text: string | null }) {
  return text ? (
    <ErrorAlert title={title}>
      <AlertDescription>{text}</AlertDescription>
    </ErrorAlert>
  ) : null;
}

type DialogWord = "title" | "description" | "errorTitle" | "cancel" | "submit" | "submitting";

/**
 * A form dialog's refusal (what no single field is to blame for): set it on a failed submit; it
 * clears when the dialog closes. Spread `dialog` onto FormDialog.
 */
export function useDialogError(onClose: () => void) {
  const [error, setError] = useState<ActionIssue | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return { setError, dialog: { error, onClose: close } };
}

/**
 * A dialog holding one form, with cancel and submit at its foot: closing it clears the form, so
 * each opening starts empty. `t` is the dialog's messages (title, description, errorTitle, cancel,
 * submit, submitting).
 */
export function FormDialog<T extends FieldValues, C, V extends FieldValues>({
  form,
  onSubmit,
  open,
  onClose,
  error,
  t,
  icon,
  submitIcon,
  size,
  children,
}: {
  form: UseFormReturn<T, C, V>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  open: boolean;
  onClose: () => void;
  error: ActionIssue | null;
  t: (key: DialogWord) => string;
  icon: ReactNode;
  submitIcon: ReactNode;
  size?: "md" | "lg";
  children: ReactNode;
}) {
  const errorText = useSettingsErrorText();
  const pending = form.formState.isSubmitting;
  return (
    <Dialog
      open={open}
      onClose={() => {
        form.reset();
        onClose();
      }}
      busy={pending}
      icon={icon}
      title={t("title")}
      description={t("description")}
      size={size}
    >
      <SettingsForm form={form} onSubmit={onSubmit}>
        <FormAlert title={t("errorTitle")} text={error ? errorText(error) : null} />
        {children}
        <DialogActions>
          <DialogClose disabled={pending}>{t("cancel")}</DialogClose>
          <SubmitButton pending={pending} icon={submitIcon} pendingLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
        </DialogActions>
      </SettingsForm>
    </Dialog>
  );
}
