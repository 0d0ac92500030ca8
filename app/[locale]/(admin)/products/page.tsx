import { PackagePlus, Plus, SearchX, Upload } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { categoryOptions } from "@/components/products/category-name";
import { displayName } from "@/components/products/product-name";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { canWriteProducts } from "@/components/products/permissions";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { ProductsListHeader } from "./_components/list-header";
import { ProductFilters } from "./_components/product-filters";
import type { ProductRow } from "./_components/product-row";
import { ProductsFeedback } from "./_components/products-feedback";
import { ProductsTable } from "./_components/products-table";
import type { SortHeaders } from "./_components/sort-header";
import {
  hasFilters,
  nextSort,
  PAGE_SIZES,
  parseProductSearchParams,
  productSearchString,
  sortDirection,
  toExportParams,
  toListParams,
  withChanges,
  type SortColumn,
} from "./search-params";

type Props = LocalePageProps;

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "products.metadata" });
  return { title: t("list") };
}

const SORT_COLUMNS: readonly SortColumn[] = ["name", "price", "inventory", "updated_at"];

export default async function ProductsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const state = parseProductSearchParams(await searchParams);
  const store = sessionStore(session);
  const [list, categories] = await Promise.all([
    store.products.list(toListParams(state, locale)),
    store.products.categories(),
  ]);
  const { pagination } = list;
  // A page past the end (after deletions, or an edited URL): show the last one instead.
  if (list.data.length === 0 && pagination.total > 0 && state.page > pagination.pages) {
    redirect(`/${locale}/products${productSearchString({ ...state, page: pagination.pages })}`);
  }

  const t = await getTranslations({ locale, namespace: "products" });
  const format = await getDisplayFormatter(locale);
  const canWrite = canWriteProducts(me.user.role);
  const filtered = hasFilters(state);
  const href = (changes: Parameters<typeof withChanges>[1], keepPage = false) =>
    `/products${productSearchString(keepPage ? { ...state, ...changes } : withChanges(state, changes))}`;

  // Formatted here, on the server, so the browser hydrates exactly the same text.
  const rows: ProductRow[] = list.data.map((product) => ({
    id: product.id,
    name: displayName(product.name, locale),
    sku: product.sku,
    status: product.status,
    price: format.number(product.price, { style: "currency", currency: product.currency }),
    inventory: format.number(product.inventory),
    outOfStock: product.inventory <= 0,
    updated: format.dateTime(new Date(product.updatedAt), {
      dateStyle: "medium",
      timeZone: me.tenant.timeZone,
    }),
    updatedIso: product.updatedAt,
    thumbnail: product.images[0] ?? null,
  }));
  const sortHeaders = Object.fromEntries(
    SORT_COLUMNS.map((column) => [
      column,
      {
        href: href({ sort: nextSort(state.sort, column) }),
        direction: sortDirection(state.sort, column),
      },
    ]),
  ) as SortHeaders;
  const exportQuery = new URLSearchParams(
    Object.entries(toExportParams(state)).filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    ),
  ).toString();

  const empty = pagination.total === 0 && !filtered;

  return (
    <div className="flex flex-col gap-6">
      <ProductsListHeader
        locale={locale}
        canWrite={canWrite}
        filtered={filtered}
        exportHref={
          empty ? null : `/${locale}/products/export${exportQuery ? `?${exportQuery}` : ""}`
        }
      />

      <ProductsFeedback resetKey={productSearchString(state)}>
        {empty ? (
          <EmptyState
            icon={<PackagePlus />}
            level={2}
            title={t("empty.title")}
            description={canWrite ? t("empty.description") : t("empty.viewerDescription")}
          >
            {canWrite ? (
              <>
                <Link href="/products/new" className={buttonVariants()}>
                  <Plus aria-hidden />
                  {t("empty.add")}
                </Link>
                <Link href="/products/import" className={buttonVariants({ variant: "outline" })}>
                  <Upload aria-hidden />
                  {t("empty.import")}
                </Link>
              </>
            ) : null}
          </EmptyState>
        ) : (
          <>
            <ProductFilters
              state={{ q: state.q, status: state.status ?? "", category: state.category }}
              hidden={{
                sort: state.sort === "-created_at" ? "" : state.sort,
                limit: state.limit === 20 ? "" : String(state.limit),
              }}
              categories={categoryOptions(categories.data, locale)}
              clearHref={`/products${productSearchString({ sort: state.sort, limit: state.limit })}`}
            />

            {rows.length === 0 ? (
              <EmptyState
                icon={<SearchX />}
                level={2}
                title={t("noResults.title")}
                description={t("noResults.description")}
              >
                <Link
                  href={`/products${productSearchString({ sort: state.sort, limit: state.limit })}`}
                  className={buttonVariants({ variant: "outline" })}
                >
                  {t("noResults.clear")}
                </Link>
              </EmptyState>
            ) : (
              <>
                <ProductsTable
                  key={productSearchString(state)}
                  rows={rows}
                  sortHeaders={sortHeaders}
                  canWrite={canWrite}
                  caption={t("table.caption", { total: pagination.total })}
                />
                <Pagination
                  label={t("pagination.label")}
                  pagination={pagination}
                  shown={list.data.length}
                  format={format}
                  href={(page) => href({ page }, true)}
                  pageSize={{
                    value: state.limit,
                    sizes: PAGE_SIZES,
                    href: (limit) => href({ limit }),
                  }}
                />
              </>
            )}
          </>
        )}
      </ProductsFeedback>
    </div>
  );
}
