"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Blocks, Save } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useAppsErrorText } from "@/components/apps/use-apps-error-text";
import { ScopePicker } from "@/components/settings/scope-picker";
import { FormDialog, useDialogError } from "@/components/settings/settings-form";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { APP_KIND_VALUES, APP_LIMITS } from "@/lib/apps/fields";
import type { Scope } from "@/lib/auth/permissions";
import { createApp, updateApp } from "../actions";
import type { DeveloperAppView } from "./developer-view";
import { setFieldErrors, useFieldRules } from "./field-rules";

const EMPTY = {
  appRef: "",
  name: { en: "", ar: "" },
  description: "",
  installCallbackUrl: "",
  scopes: [] as string[],
  kind: "system" as (typeof APP_KIND_VALUES)[number],
};
type Values = typeof EMPTY;

/** Create an app (with its reference) or edit one (the reference stays as it is). */
export function AppFormDialog({
  target,
  scopes,
  onClose,
  onSaved,
}: {
  /** The developer account and, when editing, the app; null keeps the dialog closed. */
  target: { developerRef: string; app: DeveloperAppView | null } | null;
  scopes: readonly Scope[];
  onClose: () => void;
  onSaved: (name: string, created: boolean) => void;
}) {
  const t = useTranslations("developer.appForm");
  const tKind = useTranslations("apps");
  const tKeys = useTranslations("settings.apiKeys.createDialog");
  const locale = useLocale();
  const id = useId();
  const errorText = useAppsErrorText();
  const rules = useFieldRules();
  const { setError, dialog } = useDialogError(onClose);
  const editing = target?.app ?? null;

  const schema = useMemo(
    () =>
      z.object({
        appRef: editing ? z.string() : rules.ref,
        name: z.object({ en: rules.text(APP_LIMITS.name), ar: rules.text(APP_LIMITS.name) }),
        description: z.string().trim().max(APP_LIMITS.description),
        installCallbackUrl: z
          .url({ protocol: /^https?$/, error: t("callbackUrlInvalid") })
          .max(APP_LIMITS.callbackUrl, t("callbackUrlInvalid")),
        scopes: z.array(z.string()).min(1, tKeys("scopesRequired")),
        kind: z.enum(APP_KIND_VALUES),
      }),
    [editing, rules, t, tKeys],
  );
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const chosen = useWatch({ control: form.control, name: "scopes" });
  const { errors, isSubmitted } = form.formState;

  // Each opening starts from the app being edited, or empty.
  useEffect(() => {
    if (!target) return;
    form.reset(
      editing
        ? {
            appRef: editing.ref,
            name: editing.name,
            description: editing.description,
            installCallbackUrl: editing.installCallbackUrl,
            scopes: editing.scopes,
            kind: editing.kind,
          }
        : EMPTY,
    );
  }, [target, editing, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    if (!target) return;
    setError(null);
    const { name, description, installCallbackUrl, scopes: asked, kind } = values;
    const result = editing
      ? await updateApp(locale, target.developerRef, editing.ref, {
          name,
          description,
          installCallbackUrl,
          scopes: asked,
          kind,
        })
      : await createApp(locale, target.developerRef, values);
    if (result.ok) {
      onSaved(locale === "ar" ? values.name.ar : values.name.en, !editing);
      return;
    }
    const fields = ["appRef", "name.en", "name.ar", "installCallbackUrl", "description"] as const;
    if (!setFieldErrors(form.setError, result.fieldErrors, fields, errorText))
      setError(result.error);
  });

  const words = (
    key: "title" | "description" | "errorTitle" | "cancel" | "submit" | "submitting",
  ) =>
    key === "title"
      ? t(editing ? "editTitle" : "createTitle")
      : key === "submit"
        ? t(editing ? "submitEdit" : "submitCreate")
        : t(key);

  return (
    <FormDialog
      {...dialog}
      form={form}
      onSubmit={onSubmit}
      open={target !== null}
      t={words}
      icon={<Blocks />}
      submitIcon={<Save aria-hidden />}
      size="lg"
    >
      <FormField name="appRef" label={t("appRef")} hint={t("appRefHint")}>
        <Input
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          readOnly={editing !== null}
          {...form.register("appRef")}
        />
      </FormField>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField name="name.en" label={t("nameEn")}>
          <Input dir="ltr" lang="en" autoComplete="off" {...form.register("name.en")} />
        </FormField>
        <FormField name="name.ar" label={t("nameAr")}>
          <Input dir="rtl" lang="ar" autoComplete="off" {...form.register("name.ar")} />
        </FormField>
      </div>
      <FormField name="description" label={t("descriptionLabel")} hint={t("descriptionHint")}>
        <Textarea rows={3} {...form.register("description")} />
      </FormField>
      <FormField name="installCallbackUrl" label={t("callbackUrl")} hint={t("callbackUrlHint")}>
        <Input
          type="url"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          {...form.register("installCallbackUrl")}
        />
      </FormField>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm leading-none font-medium">{t("kind")}</legend>
        {APP_KIND_VALUES.map((kind) => (
          <label key={kind} className="flex cursor-pointer items-start gap-2 text-sm">
            <input
              type="radio"
              value={kind}
              className="mt-0.5 size-4 accent-primary"
              {...form.register("kind")}
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-medium">{tKind(`kind.${kind}`)}</span>
              <span className="text-muted-foreground">{tKind(`kindHint.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ScopePicker
        id={`${id}-scopes`}
        value={chosen}
        grantable={[...scopes]}
        legend={t("scopes")}
        hint={t("scopesHint")}
        error={errors.scopes?.message}
        onChange={(next) => form.setValue("scopes", next, { shouldValidate: isSubmitted })}
      />
    </FormDialog>
  );
}
