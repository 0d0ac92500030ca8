"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { get, useFormContext, useFormState, type FieldError } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { FieldName, FormInput } from "./store-form";
import { ZATCA_FORM } from "@/lib/tenants/vat-number";

/** One group of settings: a card with a title, a sentence and its fields. */
export function SettingsCard({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * A field's error in the page's language. The API's messages are English, so the wording comes
 * from the field and the error's type, for FormField's `error`.
 */
export function useStoreFieldError(): (field: FieldName) => string | undefined {
  const t = useTranslations("settings.store.errors");
  const { control } = useFormContext<FormInput>();
  const { errors } = useFormState({ control });
  return (field) => {
    const error: FieldError | undefined = get(errors, field);
    if (!error) return undefined;
    switch (field) {
      case "name.en":
      case "name.ar":
        return error.type === "too_big" ? t("nameTooLong") : t("nameRequired");
      case "vat_rate":
        return t("vatRate");
      case "vat_number":
        // The API's code, or the form's own check of the same rule (store-form.ts).
        return error.type === "vat_number_zatca" || error.type === "custom"
          ? t("vatNumberZatca", ZATCA_FORM)
          : t("vatNumber");
      case "currency":
        return t("currency");
      case "time_zone":
        return t("timeZone");
      default:
        return t("invalid");
    }
  };
}
