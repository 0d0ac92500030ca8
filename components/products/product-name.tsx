import { Languages } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

/** A product's name as shown in one language: its own, else the other one, marked as such. */
export interface DisplayName {
  text: string;
  lang: "en" | "ar";
  fallback: boolean;
}

export function displayName(name: { en: string; ar: string }, locale: "en" | "ar"): DisplayName {
  const other = locale === "en" ? "ar" : "en";
  const own = name[locale].trim();
  if (own) return { text: own, lang: locale, fallback: false };
  return { text: name[other].trim(), lang: other, fallback: true };
}

/** Visible marker (and tooltip) when the name is in the other language. */
export function FallbackBadge({ className }: { className?: string }) {
  const t = useTranslations("products.fallback");
  return (
    <Badge variant="outline" title={t("hint")} className={cn("font-normal", className)}>
      <Languages aria-hidden className="size-3" />
      {t("badge")}
      <span className="sr-only">: {t("hint")}</span>
    </Badge>
  );
}

export function ProductName({ name, className }: { name: DisplayName; className?: string }) {
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-x-2 gap-y-1", className)}>
      <bdi lang={name.lang} dir="auto">
        {name.text}
      </bdi>
      {name.fallback ? <FallbackBadge /> : null}
    </span>
  );
}
