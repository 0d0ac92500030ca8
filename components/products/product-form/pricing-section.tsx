"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useCurrency, useIssueText, useProductForm } from "./use-issue-text";
import { Section } from "./section";

/** Price in the chosen currency's own decimals, the currency, and the stock on hand. */
export function PricingSection({ currencies }: { currencies: { code: string; label: string }[] }) {
  const t = useTranslations("products.form");
  const { register } = useProductForm();
  const issueText = useIssueText();
  const { currency, decimals } = useCurrency();
  return (
    <Section title={t("sections.pricing")}>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,14rem)]">
        <FormField
          name="price"
          label={t("price")}
          hint={
            decimals === 0
              ? t("priceHintWhole", { currency })
              : t("priceHint", { currency, decimals })
          }
          error={issueText("price")}
        >
          <Input
            inputMode={decimals === 0 ? "numeric" : "decimal"}
            autoComplete="off"
            dir="ltr"
            className="text-end"
            {...register("price")}
          />
        </FormField>
        <FormField name="currency" label={t("currency")} error={issueText("currency")}>
          <NativeSelect {...register("currency")}>
            {currencies.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField
        name="inventory"
        label={t("inventory")}
        hint={t("inventoryHint")}
        error={issueText("inventory")}
        className="sm:max-w-56"
      >
        <Input
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          className="text-end"
          {...register("inventory")}
        />
      </FormField>
    </Section>
  );
}
