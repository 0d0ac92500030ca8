import { categoryOptions } from "@/components/products/category-name";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { currencyOptions } from "@/components/products/currency-options";
import { ProductForm } from "@/components/products/product-form/product-form";
import { productFormValues } from "@/components/products/product-form/values";
import { displayName, ProductName } from "@/components/products/product-name";
import { ProductPageHeader } from "@/components/products/product-page-header";
import { StatusBadge } from "@/components/products/status-badge";
import { canWriteProducts } from "@/components/products/permissions";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError, type Product } from "@/lib/sdk";
import { deleteProduct, updateProduct, uploadProductImage } from "../actions";
import { DropSearchParams } from "@/components/admin/drop-search-params";

interface Props {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "products.metadata" });
  return { title: t("edit") };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const { session, me } = await requireMe(locale);
  const store = sessionStore(session);

  let product: Product;
  let categories: Parameters<typeof categoryOptions>[0];
  try {
    [product, { data: categories }] = await Promise.all([
      store.products.get(id),
      store.products.categories(),
    ]);
  } catch (error) {
    // 422: an id the API refuses outright (e.g. NUL in an edited URL) names no record either.
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }

  const query = await searchParams;
  const created = query.created === "1";
  const imageFailures = Number(query.imageFailures) || 0;
  const readOnly = !canWriteProducts(me.user.role);
  const t = await getTranslations({ locale, namespace: "products" });
  const format = await getDisplayFormatter(locale);
  const name = displayName(product.name, locale);

  return (
    <div className="flex flex-col gap-6">
      <ProductPageHeader
        title={<ProductName name={name} />}
        crumb={<bdi lang={name.lang}>{name.text}</bdi>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={product.status} />
            <span>
              {t("form.lastUpdated", {
                date: format.dateTime(new Date(product.updatedAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: me.tenant.timeZone,
                }),
              })}
            </span>
          </span>
        }
      />
      {created ? <DropSearchParams names={["created", "imageFailures"]} /> : null}
      <ProductForm
        key={product.id}
        mode="edit"
        productId={product.id}
        displayName={name}
        defaultValues={productFormValues(product)}
        images={product.images}
        currencies={currencyOptions(locale, me.tenant.currency, product.currency)}
        categories={categoryOptions(categories, locale)}
        readOnly={readOnly}
        notice={created ? { kind: "created", imageFailures } : null}
        onSubmit={updateProduct.bind(null, locale, product.id)}
        uploadImage={uploadProductImage.bind(null, locale)}
        deleteProduct={deleteProduct.bind(null, locale)}
      />
    </div>
  );
}
