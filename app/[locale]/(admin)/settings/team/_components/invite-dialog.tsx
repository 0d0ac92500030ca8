"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MailPlus, MailX } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { FormDialog, useDialogError } from "@/components/settings/settings-form";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { Role } from "@/lib/admin/next-auth";
import { inviteMember, type CreatedInvitation } from "../actions";

export function InviteDialog({
  open,
  roles,
  mailOn,
  onClose,
  onInvited,
}: {
  open: boolean;
  roles: Role[];
  mailOn: boolean;
  onClose: () => void;
  onInvited: (invitation: CreatedInvitation) => void;
}) {
  const t = useTranslations("settings.team.invite");
  const tRoles = useTranslations("Roles");
  const locale = useLocale();
  const errorText = useSettingsErrorText();
  const { setError, dialog } = useDialogError(onClose);

  const schema = useMemo(
    () =>
      z.object({
        email: z
          .string()
          .trim()
          .min(1, t("emailRequired"))
          .pipe(z.email(t("emailInvalid"))),
        role: z.enum(["owner", "admin", "staff", "viewer"]),
        name: z.string().trim().max(100, t("nameTooLong")),
        locale: z.enum(["en", "ar"]),
      }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    // The invitee's language defaults to the page's: the inviter can pick the other.
    defaultValues: {
      email: "",
      role: "staff" as Role,
      name: "",
      locale: (locale === "ar" ? "ar" : "en") as "en" | "ar",
    },
  });
  const role = useWatch({ control: form.control, name: "role" });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await inviteMember(locale, { ...values, name: values.name || undefined });
    if (result.ok) {
      form.reset();
      onInvited(result.data);
      return;
    }
    if (result.fieldErrors.email)
      form.setError("email", { message: errorText(result.fieldErrors.email) });
    else setError(result.error);
  });

  return (
    <FormDialog
      {...dialog}
      form={form}
      onSubmit={onSubmit}
      open={open}
      t={t}
      icon={<MailPlus />}
      submitIcon={<MailPlus aria-hidden />}
    >
      <FormField name="email" label={t("email")}>
        <Input
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          {...form.register("email")}
        />
      </FormField>
      <FormField name="role" label={t("role")} hint={t(`roleHints.${role}`)}>
        <NativeSelect {...form.register("role")}>
          {roles.map((option) => (
            <option key={option} value={option}>
              {tRoles(option)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField name="name" label={t("name")}>
        <Input autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField name="locale" label={t("language")} hint={mailOn ? t("languageHint") : undefined}>
        <NativeSelect {...form.register("locale")}>
          <option value="ar">{t("languages.ar")}</option>
          <option value="en">{t("languages.en")}</option>
        </NativeSelect>
      </FormField>
      {mailOn ? null : (
        <Alert>
          <MailX aria-hidden />
          <AlertDescription>{t("mailOff")}</AlertDescription>
        </Alert>
      )}
    </FormDialog>
  );
}
