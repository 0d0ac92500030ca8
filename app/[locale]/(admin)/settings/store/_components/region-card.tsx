"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form";
import { SettingsCard, useStoreFieldError } from "./field";
import { OptionsSelect } from "./options-select";
import type { FormInput, Option } from "./store-form";

/** Where the store's dates are told and which language its customers see first. */
export function RegionCard({ timeZones, languages }: { timeZones: Option[]; languages: Option[] }) {
  const t = useTranslations("settings.store.region");
  const { register } = useFormContext<FormInput>();
  const fieldError = useStoreFieldError();
  return (
    <SettingsCard title={t("title")} description={t("description")}>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          name="time_zone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          error={fieldError("time_zone")}
        >
          <OptionsSelect options={timeZones} {...register("time_zone")} />
        </FormField>
        <FormField
          name="default_locale"
          label={t("defaultLanguage")}
          hint={t("defaultLanguageHint")}
          error={fieldError("default_locale")}
        >
          <OptionsSelect options={languages} {...register("default_locale")} />
        </FormField>
      </div>
    </SettingsCard>
  );
}
