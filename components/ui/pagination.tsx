import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import type { DisplayFormatter } from "@/lib/admin/format/core";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import { PageSizeSelect } from "./page-size-select";
import { pageWindow, type PageInfo } from "./page-window";

/**
 * Previous/next paging under a table whose state lives in the URL. Works in server and client
 * components alike, so the caller hands in its display formatter (getDisplayFormatter or
 * useDisplayFormatter); the chevrons turn over in Arabic (rtl:rotate-180).
 */
export function Pagination({
  label,
  pagination,
  shown,
  href,
  pageSize,
  format,
  children,
}: {
  /** The <nav>'s accessible name ("Audit log pages"). */
  label: string;
  pagination: PageInfo;
  /** Rows on this page. */
  shown: number;
  /** The URL of another page of the same list. */
  href: (page: number) => string;
  /** Rows per page: the current size, the sizes offered and the URL of the list at each. */
  pageSize?: { value: number; sizes: readonly number[]; href: (size: number) => string };
  /** The counts follow the person's digits. */
  format: DisplayFormatter;
  /** Extra controls before the page links. */
  children?: ReactNode;
}) {
  const t = useTranslations("Common.pagination");
  const at = pageWindow(pagination, shown);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {t("summary", {
          from: format.number(at.from),
          to: format.number(at.to),
          total: format.number(pagination.total),
        })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {pageSize ? (
          <PageSizeSelect
            value={pageSize.value}
            options={pageSize.sizes.map((size) => ({
              value: size,
              label: format.number(size),
              href: pageSize.href(size),
            }))}
          />
        ) : null}
        {children}
        <span className="text-muted-foreground">
          {t("page", { page: format.number(pagination.page), pages: format.number(at.pages) })}
        </span>
        <div className="flex items-center gap-1">
          <PageLink href={at.previous ? href(at.previous) : null} label={t("previous")}>
            <ChevronLeft aria-hidden className="rtl:rotate-180" />
          </PageLink>
          <PageLink href={at.next ? href(at.next) : null} label={t("next")}>
            <ChevronRight aria-hidden className="rtl:rotate-180" />
          </PageLink>
        </div>
      </div>
    </nav>
  );
}

function PageLink({
  href,
  label,
  children,
}: {
  /** null when there is nowhere to go. */
  href: string | null;
  label: string;
  children: ReactNode;
}) {
  const className = cn(buttonVariants({ variant: "outline", size: "icon" }), "size-9");
  if (href === null) {
    // Not a link when there is nowhere to go; still announced, as unavailable.
    return (
      <span
        role="link"
        aria-disabled="true"
        aria-label={label}
        className={cn(className, "opacity-50")}
      >
        {children}
      </span>
    );
  }
  return (
    <Link href={href} aria-label={label} className={className}>
      {children}
    </Link>
  );
}
