"use client";

import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SettingsCard, useStoreFieldError } from "./field";
import { OptionsSelect } from "./options-select";
import type { FormInput, Option } from "./store-form";
import { decimalText, latinDigits } from "@/lib/text/digits";

/** Currency and VAT: owners change them (settings:billing); admins see them read-only. */
export function BillingCard({ canEdit, currencies }: { canEdit: boolean; currencies: Option[] }) {
  const t = useTranslations("settings.store.billing");
  const id = useId();
  const { register } = useFormContext<FormInput>();
  const fieldError = useStoreFieldError();
  const billing = { disabled: !canEdit };
  // Read-only fields say why, through the note above them.
  const note = canEdit ? undefined : `${id}-billing-note`;
  return (
    <SettingsCard title={t("title")} description={t("description")}>
      {note ? (
        <Alert className="mb-5" id={note}>
          <Lock aria-hidden />
          <AlertTitle>{t("ownerOnlyTitle")}</AlertTitle>
          <AlertDescription>{t("ownerOnly")}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          name="currency"
          label={t("currency")}
          hint={t("currencyHint")}
          error={fieldError("currency")}
        >
          <OptionsSelect
            options={currencies}
            aria-describedby={note}
            {...register("currency", billing)}
          />
        </FormField>
        <FormItem name="vat_rate" error={fieldError("vat_rate")}>
          <FormLabel>{t("vatRate")}</FormLabel>
          {/* A number reads left to right in both languages, with its % sign right after it: the
              field is narrow and the number sits against the sign, in both directions. */}
          <div className="relative w-32" dir="ltr">
            <FormControl>
              <Input
                inputMode="decimal"
                autoComplete="off"
                className="pe-9 text-end"
                aria-describedby={note}
                {...register("vat_rate", {
                  ...billing,
                  // "١٥" or "15" as 15 (docs/arabic-input.md); anything else fails the schema.
                  setValueAs: (value: string | number) =>
                    typeof value === "number" ? value : Number(decimalText(value) || Number.NaN),
                })}
              />
            </FormControl>
            <span
              aria-hidden
              className="pointer-events-none absolute inset-y-0 end-3 flex items-center text-sm text-muted-foreground"
            >
              %
            </span>
          </div>
          <FormMessage />
        </FormItem>
        <FormField
          name="vat_number"
          label={t("vatNumber")}
          hint={t("vatNumberHint")}
          error={fieldError("vat_number")}
        >
          <Input
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={note}
            inputMode="numeric"
            {...register("vat_number", {
              ...billing,
              setValueAs: (value: string) => latinDigits(value ?? ""),
            })}
          />
        </FormField>
        <div className="flex items-start gap-3 sm:pt-7">
          <input
            id={`${id}-prices_include_vat`}
            type="checkbox"
            className="mt-0.5 size-4 shrink-0 accent-primary disabled:opacity-60"
            aria-describedby={`${id}-prices_include_vat-hint`}
            {...register("prices_include_vat", billing)}
          />
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-prices_include_vat`}>{t("pricesIncludeVat")}</Label>
            <p id={`${id}-prices_include_vat-hint`} className="text-xs text-muted-foreground">
              {t("pricesIncludeVatHint")}
            </p>
          </div>
        </div>
      </div>
    </SettingsCard>
  );
}
