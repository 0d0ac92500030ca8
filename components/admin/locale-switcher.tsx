"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Link, usePathname } from "@/lib/admin/i18n/navigation";
import { routing } from "@/lib/admin/i18n/routing";

interface LocaleSwitcherProps {
  className?: string;
}

/** A link to the same page in the other language: `/en/x?y` <-> `/ar/x?y`. */
export function LocaleSwitcher(props: LocaleSwitcherProps) {
  // Reading the query needs a Suspense boundary on statically rendered pages; until it resolves
  // the link keeps the path only.
  return (
    <Suspense fallback={<SwitcherLink {...props} query={{}} />}>
      <SwitcherLinkWithQuery {...props} />
    </Suspense>
  );
}

function SwitcherLinkWithQuery(props: LocaleSwitcherProps) {
  const searchParams = useSearchParams();
  return <SwitcherLink {...props} query={Object.fromEntries(searchParams)} />;
}

function SwitcherLink({
  className,
  query,
}: LocaleSwitcherProps & { query: Record<string, string> }) {
  const locale = useLocale();
  const t = useTranslations();
  const pathname = usePathname();
  const target = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale;

  return (
    <Link
      href={{ pathname, query }}
      locale={target}
      hrefLang={target}
      className={cn(buttonVariants({ variant: "ghost", size: "sm" }), className)}
    >
      <Languages aria-hidden />
      <span className="sr-only">{t("LocaleSwitcher.label")}: </span>
      <span lang={target}>{t(`LocaleNames.${target}`)}</span>
    </Link>
  );
}
