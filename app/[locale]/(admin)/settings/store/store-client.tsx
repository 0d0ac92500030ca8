"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert, CircleCheck, Save } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { SectionHeader } from "@/components/settings/parts";
import { SettingsForm } from "@/components/settings/settings-form";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { StickyActions } from "@/components/ui/sticky-actions";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue } from "@/lib/admin/action-result";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { BillingCard } from "./_components/billing-card";
import { LogoCard } from "./_components/logo-card";
import { NamesCard } from "./_components/names-card";
import { RegionCard } from "./_components/region-card";
import {
  changedValues,
  FIELDS,
  storeFormSchema,
  toFormValues,
  type FieldName,
  type FormInput,
  type Option,
  type StoreFormValues,
} from "./_components/store-form";
import { updateStoreSettings } from "./actions";

interface StoreSettingsFormProps {
  settings: StoreFormValues;
  logoUrl: string | null;
  /** Currency and VAT need an owner (settings:billing); admins see them read-only. */
  canEditBilling: boolean;
  currencies: Option[];
  timeZones: Option[];
  languages: Option[];
}

export function StoreSettingsForm({
  settings,
  logoUrl,
  canEditBilling,
  currencies,
  timeZones,
  languages,
}: StoreSettingsFormProps) {
  const t = useTranslations("settings.store");
  const locale = useLocale();
  const errorText = useSettingsErrorText();
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ActionIssue } | null>(
    null,
  );

  const form = useForm<FormInput>({
    resolver: zodResolver(storeFormSchema),
    defaultValues: { ...settings, name: { ...settings.name } },
  });
  // After a save the button goes disabled (nothing left to save): the outcome takes the focus.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const { errors, isSubmitting, isDirty, dirtyFields } = form.formState;
  const tCommon = useTranslations("Common");
  useUnsavedChanges(isDirty && !isSubmitting, tCommon("unsavedChanges"));

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const saved = await updateStoreSettings(locale, changedValues(values, dirtyFields));
    if (saved.ok) {
      form.reset(toFormValues(saved.data));
      setResult({ ok: true });
      return;
    }
    let placed = false;
    for (const [field, issue] of Object.entries(saved.fieldErrors)) {
      if ((FIELDS as readonly string[]).includes(field)) {
        form.setError(field as FieldName, { type: issue.code, message: issue.message });
        placed = true;
      }
    }
    if (!placed) setResult({ ok: false, error: saved.error });
  });

  return (
    <section className="flex flex-col gap-5" aria-labelledby="store-title">
      <SectionHeader id="store-title" title={t("title")} description={t("description")} />

      <SettingsForm form={form} onSubmit={onSubmit}>
        <NamesCard />
        <BillingCard canEdit={canEditBilling} currencies={currencies} />
        <RegionCard timeZones={timeZones} languages={languages} />

        <StickyActions className="flex-col items-stretch sm:flex-row sm:items-center sm:justify-between">
          <div
            ref={resultRef}
            tabIndex={-1}
            aria-live="polite"
            className="min-w-0 flex-1 outline-none"
          >
            {result?.ok ? (
              <Alert variant="success">
                <CircleCheck aria-hidden />
                <AlertDescription>{t("saved")}</AlertDescription>
              </Alert>
            ) : result ? (
              <Alert variant="destructive">
                <CircleAlert aria-hidden />
                <AlertTitle>{t("errorTitle")}</AlertTitle>
                <AlertDescription>{errorText(result.error)}</AlertDescription>
              </Alert>
            ) : Object.keys(errors).length > 0 ? (
              <p className="text-sm text-destructive">{t("fixErrors")}</p>
            ) : null}
          </div>
          <SubmitButton
            pending={isSubmitting}
            disabled={!isDirty}
            icon={<Save aria-hidden />}
            pendingLabel={t("saving")}
            className="sm:ms-auto"
          >
            {t("save")}
          </SubmitButton>
        </StickyActions>
      </SettingsForm>

      <LogoCard logoUrl={logoUrl} />
    </section>
  );
}
