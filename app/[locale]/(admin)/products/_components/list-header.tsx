import { Plus, Tags, Upload } from "lucide-react";
import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { ExportLink, ListHeader } from "@/components/ui/list-header";
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
    <ListHeader title={t("title")} description={t("description")}>
      <Link
        href="/products/categories"
        className={buttonVariants({ variant: "outline", size: "sm" })}
      >
        <Tags aria-hidden />
        {t("categories")}
      </Link>
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
        <ExportLink href={exportHref}>{filtered ? t("exportFiltered") : t("export")}</ExportLink>
      ) : null}
      {canWrite ? (
        <Link href="/products/new" className={buttonVariants({ size: "sm" })}>
          <Plus aria-hidden />
          {t("new")}
        </Link>
      ) : null}
    </ListHeader>
  );
}
