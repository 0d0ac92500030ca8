"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { FormDialog, useDialogError } from "@/components/settings/settings-form";
import { FormField } from "@/components/ui/form";
import { DateField } from "@/components/ui/date-field";
import { Input } from "@/components/ui/input";
import type { Scope } from "@/lib/auth/permissions";
import { createApiKey, type IssuedKey } from "../actions";
import { ScopePicker } from "@/components/settings/scope-picker";

/** What the expiry holds while its text is not a date (DateField reports null). */
const NOT_A_DATE = "not-a-date";

export function CreateKeyDialog({
  open,
  grantable,
  today,
  onClose,
  onCreated,
}: {
  open: boolean;
  grantable: Scope[];
  /** The earliest expiry date (YYYY-MM-DD), today in the store's time zone. */
  today: string;
  onClose: () => void;
  onCreated: (key: IssuedKey) => void;
}) {
  const t = useTranslations("settings.apiKeys.createDialog");
  const tDate = useTranslations("Common.dateField");
  const locale = useLocale();
  const id = useId();
  const { setError, dialog } = useDialogError(onClose);

  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t("nameRequired")).max(100, t("nameTooLong")),
        scopes: z.array(z.string()).min(1, t("scopesRequired")),
        expiresOn: z
          .string()
          .refine((value) => value !== NOT_A_DATE, tDate("format"))
          .refine((value) => value === "" || value >= today, t("expiryInPast")),
      }),
    [t, tDate, today],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { name: "", scopes: [] as string[], expiresOn: "" },
  });
  const { errors, isSubmitted } = form.formState;
  const scopes = useWatch({ control: form.control, name: "scopes" });
  const expiresOn = useWatch({ control: form.control, name: "expiresOn" });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createApiKey(locale, {
      name: values.name,
      scopes: values.scopes,
      expiresOn: values.expiresOn || undefined,
    });
    if (result.ok) {
      form.reset();
      onCreated(result.data);
      return;
    }
    const fieldError = result.fieldErrors.expiresOn ?? result.fieldErrors.name;
    if (result.fieldErrors.expiresOn) form.setError("expiresOn", { message: t("expiryInPast") });
    else if (result.fieldErrors.name) form.setError("name", { message: t("nameRequired") });
    if (!fieldError) setError(result.error);
  });

  return (
    <FormDialog
      {...dialog}
      form={form}
      onSubmit={onSubmit}
      open={open}
      t={t}
      icon={<KeyRound />}
      submitIcon={<Plus aria-hidden />}
      size="lg"
    >
      <FormField name="name" label={t("name")} hint={t("nameHint")}>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>

      <ScopePicker
        id={`${id}-scopes`}
        value={scopes}
        grantable={grantable}
        error={errors.scopes?.message}
        onChange={(next) => form.setValue("scopes", next, { shouldValidate: isSubmitted })}
      />

      <FormField name="expiresOn" label={t("expiresOn")} hint={t("expiresOnHint")}>
        <DateField
          min={today}
          className="w-full sm:w-56"
          value={expiresOn}
          showProblem={false}
          // A typed text that is not a date stays in the form as such, so submitting says so.
          onValueChange={(value) =>
            form.setValue("expiresOn", value ?? NOT_A_DATE, { shouldDirty: true })
          }
        />
      </FormField>
    </FormDialog>
  );
}
