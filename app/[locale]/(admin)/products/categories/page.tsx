import { Tags } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProductPageHeader } from "@/components/products/product-page-header";
import { canWriteProducts } from "@/components/products/permissions";
import { EmptyState } from "@/components/ui/empty-state";
import { PermissionNotice } from "@/components/ui/permission-notice";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { CategoryNamesForm } from "./category-names-form";

export async function generateMetadata({ params }: LocalePageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "products.categories" });
  return { title: t("title") };
}

/** The store's categories, each named in English and Arabic for the admin's lists and filters. */
export default async function CategoriesPage({ params }: LocalePageProps) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const categories = await sessionStore(session).products.categories();
  const t = await getTranslations({ locale, namespace: "products.categories" });
  const canWrite = canWriteProducts(me.user.role);

  return (
    <div className="flex flex-col gap-6">
      <ProductPageHeader title={t("title")} description={t("description")} />
      {canWrite ? null : <PermissionNotice>{t("readOnly")}</PermissionNotice>}
      {categories.data.length === 0 ? (
        <EmptyState icon={<Tags />} title={t("empty.title")} description={t("empty.description")} />
      ) : (
        <section
          aria-label={t("title")}
          className="rounded-xl border border-border bg-card shadow-sm"
        >
          {categories.data.map((category) => (
            <CategoryNamesForm key={category.name} category={category} canWrite={canWrite} />
          ))}
        </section>
      )}
    </div>
  );
}
