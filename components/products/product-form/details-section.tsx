"use client";

import { useLocale, useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useIssueText, useProductForm } from "./use-issue-text";
import { Section } from "./section";

/** Name and description in both languages, the page's language first (on the reading side). */
export function DetailsSection() {
  const t = useTranslations("products.form");
  const tLang = useTranslations("LocaleNames");
  const locale = useLocale();
  const { register } = useProductForm();
  const issueText = useIssueText();
  const langs = locale === "ar" ? (["ar", "en"] as const) : (["en", "ar"] as const);
  return (
    <Section title={t("sections.details")} description={t("sections.detailsHint")}>
      <div className="grid gap-6 md:grid-cols-2">
        {langs.map((lang) => (
          <div key={lang} className="flex min-w-0 flex-col gap-4">
            <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              <span lang={lang}>{tLang(lang)}</span>
            </p>
            <FormField
              name={`name.${lang}`}
              label={t(`name.${lang}`)}
              error={issueText(`name.${lang}`)}
            >
              <Input
                lang={lang}
                dir={lang === "ar" ? "rtl" : "ltr"}
                maxLength={200}
                autoComplete="off"
                {...register(`name.${lang}`)}
              />
            </FormField>
            <FormField
              name={`description.${lang}`}
              label={t(`description.${lang}`)}
              error={issueText(`description.${lang}`)}
            >
              <Textarea
                lang={lang}
                dir={lang === "ar" ? "rtl" : "ltr"}
                rows={5}
                maxLength={5000}
                {...register(`description.${lang}`)}
              />
            </FormField>
          </div>
        ))}
      </div>
    </Section>
  );
}
