"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SettingsCard, useStoreFieldError } from "./field";
import type { FormInput } from "./store-form";

/** The store's name in each language: each is typed in its own direction. */
export function NamesCard() {
  const t = useTranslations("settings.store.names");
  const { register } = useFormContext<FormInput>();
  const fieldError = useStoreFieldError();
  return (
    <SettingsCard title={t("title")} description={t("description")}>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField name="name.en" label={t("en")} error={fieldError("name.en")}>
          <Input lang="en" dir="ltr" autoComplete="organization" {...register("name.en")} />
        </FormField>
        <FormField name="name.ar" label={t("ar")} error={fieldError("name.ar")}>
          <Input lang="ar" dir="rtl" autoComplete="off" {...register("name.ar")} />
        </FormField>
      </div>
    </SettingsCard>
  );
}
