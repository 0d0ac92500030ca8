import { Download, Plus, Upload } from "lucide-react";
import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";

/** The list's title and its page actions: import, export (when there is anything) and new. */
export async function ProductsListHeader({
  locale,
  canWrite,
  exportHref,
  filtered,
}: {
  locale: Locale;
  canWrite: boolean;
  /** Null when the store has no products to export. */
  exportHref: string | null;
  filtered: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "products.list" });
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="text-muted-foreground">{t("description")}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {canWrite ? (
          <Link
            href="/products/import"
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            <Upload aria-hidden />
            {t("import")}
          </Link>
        ) : null}
        {exportHref ? (
          // A plain link: the browser downloads the CSV the route handler streams.
          <a
            href={exportHref}
            download
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            <Download aria-hidden />
            {filtered ? t("exportFiltered") : t("export")}
          </a>
        ) : null}
        {canWrite ? (
          <Link href="/products/new" className={buttonVariants({ size: "sm" })}>
            <Plus aria-hidden />
            {t("new")}
          </Link>
        ) : null}
      </div>
    </header>
  );
}
