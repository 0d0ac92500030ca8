"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
} from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useIssueText, useProductForm } from "./use-issue-text";
import { Section } from "./section";
import { TagsField } from "./tags-field";

/** Category (with the store's existing ones offered), tags and SKU. */
export function OrganisationSection({
  categories,
}: {
  categories: { value: string; label: string }[];
}) {
  const t = useTranslations("products.form");
  const id = useId();
  const { register } = useProductForm();
  const issueText = useIssueText();
  return (
    <Section title={t("sections.organisation")}>
      <FormItem name="category" error={issueText("category")}>
        <FormLabel>{t("category")}</FormLabel>
        <FormControl>
          <Input
            list={`${id}-categories`}
            maxLength={100}
            autoComplete="off"
            dir="auto"
            {...register("category")}
          />
        </FormControl>
        <datalist id={`${id}-categories`}>
          {categories.map((category) => (
            <option
              key={category.value}
              value={category.value}
              label={category.label === category.value ? undefined : category.label}
            />
          ))}
        </datalist>
        <FormDescription>{t("categoryHint")}</FormDescription>
        <FormMessage />
      </FormItem>
      <TagsField error={issueText("tags")} />
      <FormField name="sku" label={t("sku")} hint={t("skuHint")} error={issueText("sku")}>
        <Input
          dir="ltr"
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          {...register("sku")}
        />
      </FormField>
    </Section>
  );
}
