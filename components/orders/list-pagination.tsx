import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";

/**
 * Previous/next paging under a server-rendered table. Labels and hrefs come from the page, so it
 * works for any list whose state lives in the URL.
 */
export function ListPagination({
  label,
  summary,
  pageLabel,
  previous,
  next,
  children,
}: {
  /** The <nav>'s accessible name. */
  label: string;
  /** "1–20 of 135". */
  summary: string;
  /** "Page 1 of 7". */
  pageLabel: string;
  previous: { href: string; label: string; disabled: boolean };
  next: { href: string; label: string; disabled: boolean };
  /** Extra controls before the page links, e.g. a page-size select. */
  children?: ReactNode;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {children}
        <span className="text-muted-foreground">{pageLabel}</span>
        <div className="flex items-center gap-1">
          <PageLink {...previous}>
            <ChevronLeft aria-hidden className="rtl:rotate-180" />
          </PageLink>
          <PageLink {...next}>
            <ChevronRight aria-hidden className="rtl:rotate-180" />
          </PageLink>
        </div>
      </div>
    </nav>
  );
}

function PageLink({
  href,
  disabled,
  label,
  children,
}: {
  href: string;
  disabled: boolean;
  label: string;
  children: ReactNode;
}) {
  const className = cn(buttonVariants({ variant: "outline", size: "icon" }), "size-9");
  if (disabled) {
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
