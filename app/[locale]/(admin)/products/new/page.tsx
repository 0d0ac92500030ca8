import { categoryOptions } from "@/components/products/category-name";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currencyOptions } from "@/components/products/currency-options";
import { ProductForm } from "@/components/products/product-form/product-form";
import { ProductPageHeader } from "@/components/products/product-page-header";
import { PermissionNotice } from "@/components/ui/permission-notice";
import { canWriteProducts } from "@/components/products/permissions";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { createProduct, deleteProduct, uploadProductImage } from "../actions";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "products.metadata" });
  return { title: t("new") };
}

export default async function NewProductPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const t = await getTranslations({ locale, namespace: "products" });
  const header = (
    <ProductPageHeader title={t("metadata.new")} description={t("form.newDescription")} />
  );

  if (!canWriteProducts(me.user.role)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <PermissionNotice>{t("errors.permission")}</PermissionNotice>
      </div>
    );
  }

  const store = sessionStore(session);
  const categories = await store.products.categories();

  return (
    <div className="flex flex-col gap-6">
      {header}
      <ProductForm
        mode="create"
        defaultValues={{
          name: { en: "", ar: "" },
          description: { en: "", ar: "" },
          price: "",
          currency: me.tenant.currency,
          category: "",
          tags: [],
          sku: "",
          status: "draft",
          inventory: "0",
        }}
        images={[]}
        currencies={currencyOptions(locale, me.tenant.currency)}
        categories={categoryOptions(categories.data, locale)}
        readOnly={false}
        onSubmit={createProduct.bind(null, locale)}
        uploadImage={uploadProductImage.bind(null, locale)}
        deleteProduct={deleteProduct.bind(null, locale)}
      />
    </div>
  );
}
