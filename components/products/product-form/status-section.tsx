"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/native-select";
import { PRODUCT_STATUSES } from "@/lib/products/fields";
import { useIssueText, useProductForm } from "./use-issue-text";
import { Section } from "./section";

export function StatusSection() {
  const t = useTranslations("products.form");
  const tStatus = useTranslations("products.status");
  const { register } = useProductForm();
  const issueText = useIssueText();
  return (
    <Section title={t("sections.status")}>
      <FormField
        name="status"
        label={t("status")}
        hint={t("statusHint")}
        error={issueText("status")}
      >
        <NativeSelect {...register("status")}>
          {PRODUCT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
    </Section>
  );
}
