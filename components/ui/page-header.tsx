import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/lib/admin/i18n/navigation";

/** A page's breadcrumb back to its list, its heading and optional actions. */
export function PageHeader({
  parent,
  title,
  crumb = title,
  description,
  actions,
}: {
  /** The list this page belongs to, e.g. { href: "/orders", label: "Orders" }. */
  parent: { href: string; label: ReactNode };
  title: ReactNode;
  /** The breadcrumb's last item, when the heading holds more than text. */
  crumb?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const t = useTranslations("Common");
  return (
    <header className="flex flex-col gap-3">
      <nav aria-label={t("breadcrumb")}>
        <ol className="flex items-center gap-1.5 text-sm text-muted-foreground">
          <li>
            <Link
              href={parent.href}
              className="underline-offset-4 hover:text-foreground hover:underline"
            >
              {parent.label}
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5 rtl:rotate-180" />
          </li>
          <li aria-current="page" className="max-w-64 truncate text-foreground">
            {crumb}
          </li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
          {description ? <div className="text-muted-foreground">{description}</div> : null}
        </div>
        {actions}
      </div>
    </header>
  );
}
