"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SettingsForm } from "@/components/settings/settings-form";
import { FormField } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import type { ActionIssue } from "@/lib/admin/action-result";
import { updateManual } from "../actions";
import { SaveRow } from "./provider-parts";
import { ProviderSection } from "./provider-section";

export interface ManualView {
  instructions: { en: string; ar: string };
  cashOnDelivery: boolean;
}

/** Bank transfer instructions in both languages (shown at checkout) and cash on delivery. */
export function ManualCard({ manual }: { manual: ManualView }) {
  const t = useTranslations("PaymentSettings.manual");
  const locale = useLocale();
  const id = useId();
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ActionIssue } | null>(
    null,
  );
  const schema = useMemo(
    () =>
      z.object({
        instructions: z.object({
          en: z.string().trim().max(2000, t("tooLong")),
          ar: z.string().trim().max(2000, t("tooLong")),
        }),
        cashOnDelivery: z.boolean(),
      }),
    [t],
  );
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      instructions: { ...manual.instructions },
      cashOnDelivery: manual.cashOnDelivery,
    },
  });
  const { isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const saved = await updateManual(locale, values);
    if (saved.ok) {
      form.reset(saved.data);
      setResult({ ok: true });
      return;
    }
    let placed = false;
    for (const field of ["instructions.en", "instructions.ar"] as const) {
      if (saved.fieldErrors[field]) {
        form.setError(field, { message: t("tooLong") });
        placed = true;
      }
    }
    if (!placed) setResult({ ok: false, error: saved.error });
  });

  return (
    <ProviderSection id="manual" title={t("title")} description={t("description")}>
      <SettingsForm form={form} onSubmit={onSubmit}>
        <div className="grid gap-5 md:grid-cols-2">
          <FormField
            name="instructions.en"
            label={t("instructionsEn")}
            hint={t("instructionsHint")}
          >
            <Textarea
              rows={5}
              dir="ltr"
              lang="en"
              maxLength={2000}
              {...form.register("instructions.en")}
            />
          </FormField>
          <FormField
            name="instructions.ar"
            label={t("instructionsAr")}
            hint={t("instructionsHint")}
          >
            <Textarea
              rows={5}
              dir="rtl"
              lang="ar"
              maxLength={2000}
              {...form.register("instructions.ar")}
            />
          </FormField>
        </div>
        <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-border p-3 text-sm">
          <input
            type="checkbox"
            role="switch"
            className="mt-0.5 size-4 accent-primary"
            aria-describedby={`${id}-cod-hint`}
            {...form.register("cashOnDelivery")}
          />
          <span className="flex flex-col gap-0.5">
            <span className="font-medium">{t("cashOnDelivery")}</span>
            <span id={`${id}-cod-hint`} className="text-muted-foreground">
              {t("cashOnDeliveryHint")}
            </span>
          </span>
        </label>
        <SaveRow result={result} pending={isSubmitting} disabled={!isDirty} />
      </SettingsForm>
    </ProviderSection>
  );
}
