"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Code, UserPlus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useAppsErrorText } from "@/components/apps/use-apps-error-text";
import { FormDialog, useDialogError } from "@/components/settings/settings-form";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { APP_LIMITS } from "@/lib/apps/fields";
import { registerDeveloper, type IssuedDeveloperSecret } from "../actions";
import { setFieldErrors, useFieldRules } from "./field-rules";

/** Registers a developer account; the secret comes back once, for the copy-once dialog. */
export function RegisterDialog({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (issued: IssuedDeveloperSecret) => void;
}) {
  const t = useTranslations("developer.register");
  const locale = useLocale();
  const errorText = useAppsErrorText();
  const rules = useFieldRules();
  const { setError, dialog } = useDialogError(onClose);
  const schema = useMemo(
    () =>
      z.object({
        developerRef: rules.ref,
        name: rules.text(APP_LIMITS.name),
        email: z.email(t("emailInvalid")).max(APP_LIMITS.email, t("emailInvalid")),
      }),
    [rules, t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { developerRef: "", name: "", email: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await registerDeveloper(locale, values);
    if (result.ok) {
      form.reset();
      onRegistered(result.data);
      return;
    }
    const fields = ["developerRef", "name", "email"] as const;
    if (!setFieldErrors(form.setError, result.fieldErrors, fields, errorText))
      setError(result.error);
  });

  return (
    <FormDialog
      {...dialog}
      form={form}
      onSubmit={onSubmit}
      open={open}
      t={t}
      icon={<Code />}
      submitIcon={<UserPlus aria-hidden />}
    >
      <FormField name="developerRef" label={t("developerRef")} hint={t("developerRefHint")}>
        <Input dir="ltr" autoComplete="off" spellCheck={false} {...form.register("developerRef")} />
      </FormField>
      <FormField name="name" label={t("name")} hint={t("nameHint")}>
        <Input autoComplete="organization" {...form.register("name")} />
      </FormField>
      <FormField name="email" label={t("email")}>
        <Input type="email" dir="ltr" autoComplete="email" {...form.register("email")} />
      </FormField>
    </FormDialog>
  );
}
