"use client";

import { CircleAlert } from "lucide-react";
import type { FormEventHandler, ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";

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
    <Alert variant="destructive" role="alert">
      <CircleAlert aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>{text}</AlertDescription>
    </Alert>
  ) : null;
}

/** Cancel and submit at the foot of a dialog's form. */
export function DialogFormActions({
  pending,
  cancelLabel,
  submitLabel,
  pendingLabel,
  icon,
}: {
  pending: boolean;
  cancelLabel: string;
  submitLabel: string;
  pendingLabel: string;
  icon: ReactNode;
}) {
  return (
    <DialogActions>
      <DialogClose disabled={pending}>{cancelLabel}</DialogClose>
      <SubmitButton pending={pending} icon={icon} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </DialogActions>
  );
}

/** A dialog holding one form: closing it clears the form, so each opening starts empty. */
export function FormDialog<T extends FieldValues, C, V extends FieldValues>({
  form,
  onSubmit,
  open,
  onClose,
  icon,
  title,
  description,
  size,
  errorTitle,
  error,
  children,
}: {
  form: UseFormReturn<T, C, V>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  open: boolean;
  onClose: () => void;
  icon: ReactNode;
  title: string;
  description: string;
  size?: "md" | "lg";
  /** The heading over a refusal no single field is to blame for, and its words. */
  errorTitle: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onClose={() => {
        form.reset();
        onClose();
      }}
      busy={form.formState.isSubmitting}
      icon={icon}
      title={title}
      description={description}
      size={size}
    >
      <SettingsForm form={form} onSubmit={onSubmit}>
        <FormAlert title={errorTitle} text={error} />
        {children}
      </SettingsForm>
    </Dialog>
  );
}
