"use client";

import { Check } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useProductErrorText } from "@/components/products/use-error-text";
import { nameCategory } from "../actions";

export interface CategoryRow {
  name: string;
  count: number;
  names: { en: string; ar: string } | null;
}

/** One category: its value, how many products carry it, and its names in both languages. */
export function CategoryNamesForm({
  category,
  canWrite,
}: {
  category: CategoryRow;
  canWrite: boolean;
}) {
  const t = useTranslations("products.categories");
  const locale = useLocale();
  const errorText = useProductErrorText();
  const id = useId();
  const [saved, setSaved] = useState(category.names ?? { en: "", ar: "" });
  const [names, setNames] = useState(saved);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const changed = names.en.trim() !== saved.en || names.ar.trim() !== saved.ar;

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await nameCategory(locale, { category: category.name, names });
      if (!result.ok) {
        setStatus({ ok: false, text: errorText(result.error.code) });
        return;
      }
      const now = result.data.names ?? { en: "", ar: "" };
      setSaved(now);
      setNames(now);
      setStatus({ ok: true, text: t("saved") });
    });
  }

  return (
    <form
      onSubmit={save}
      aria-labelledby={`${id}-name`}
      className="grid gap-3 border-b border-border p-4 last:border-b-0 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-end"
    >
      <div className="min-w-0">
        <p id={`${id}-name`} className="font-medium break-words" dir="auto">
          {category.name}
        </p>
        <p className="text-xs text-muted-foreground">{t("products", { count: category.count })}</p>
      </div>
      {(["en", "ar"] as const).map((language) => (
        <div key={language} className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-${language}`}>
            {language === "en" ? t("nameEn") : t("nameAr")}
          </Label>
          <Input
            id={`${id}-${language}`}
            lang={language}
            dir={language === "ar" ? "rtl" : "ltr"}
            maxLength={100}
            autoComplete="off"
            disabled={!canWrite}
            value={names[language]}
            onChange={(event) => setNames({ ...names, [language]: event.currentTarget.value })}
          />
        </div>
      ))}
      {canWrite ? (
        <div className="flex items-center gap-3">
          <Button type="submit" variant="outline" disabled={!changed || pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <p
            role="status"
            className={status?.ok ? "text-sm text-muted-foreground" : "text-sm text-destructive"}
          >
            {status?.ok ? <Check aria-hidden className="inline size-4" /> : null} {status?.text}
          </p>
        </div>
      ) : null}
    </form>
  );
}
