import {
  ChevronLeft,
  ChevronRight,
  Download,
  PackagePlus,
  Plus,
  SearchX,
  Upload,
} from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { displayName } from "@/components/products/product-name";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { canWriteProducts } from "@/components/products/permissions";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import {
  PageSizeSelect,
  ProductFilters,
  ProductsFeedback,
  ProductsTable,
  type ProductRow,
} from "./products-client";
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

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

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
  const format = await getFormatter({ locale });
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
  ) as Record<SortColumn, { href: string; direction: "ascending" | "descending" | null }>;
  const exportQuery = new URLSearchParams(
    Object.entries(toExportParams(state)).filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    ),
  ).toString();

  const from = (pagination.page - 1) * pagination.limit + 1;
  const to = from + list.data.length - 1;
  const empty = pagination.total === 0 && !filtered;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t("list.title")}</h1>
          <p className="text-muted-foreground">{t("list.description")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canWrite ? (
            <Link
              href="/products/import"
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              <Upload aria-hidden />
              {t("list.import")}
            </Link>
          ) : null}
          {empty ? null : (
            // A plain link: the browser downloads the CSV the route handler streams.
            <a
              href={`/${locale}/products/export${exportQuery ? `?${exportQuery}` : ""}`}
              download
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              <Download aria-hidden />
              {filtered ? t("list.exportFiltered") : t("list.export")}
            </a>
          )}
          {canWrite ? (
            <Link href="/products/new" className={buttonVariants({ size: "sm" })}>
              <Plus aria-hidden />
              {t("list.new")}
            </Link>
          ) : null}
        </div>
      </header>

      <ProductsFeedback resetKey={productSearchString(state)}>
        {empty ? (
          <EmptyState
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
              categories={categories.data.map((c) => c.name)}
              clearHref={`/products${productSearchString({ sort: state.sort, limit: state.limit })}`}
            />

            {rows.length === 0 ? (
              <EmptyState
                icon="search"
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
                <nav
                  aria-label={t("pagination.label")}
                  className="flex flex-wrap items-center justify-between gap-3 text-sm"
                >
                  <p className="text-muted-foreground" aria-live="polite">
                    {t("pagination.summary", {
                      from: format.number(from),
                      to: format.number(to),
                      total: format.number(pagination.total),
                    })}
                  </p>
                  <div className="flex flex-wrap items-center gap-3">
                    <PageSizeSelect
                      value={state.limit}
                      options={PAGE_SIZES.map((size) => ({
                        value: size,
                        label: format.number(size),
                        href: href({ limit: size }),
                      }))}
                    />
                    <span className="text-muted-foreground">
                      {t("pagination.page", {
                        page: format.number(pagination.page),
                        pages: format.number(Math.max(1, pagination.pages)),
                      })}
                    </span>
                    <div className="flex items-center gap-1">
                      <PageLink
                        href={href({ page: pagination.page - 1 }, true)}
                        disabled={pagination.page <= 1}
                        label={t("pagination.previous")}
                      >
                        <ChevronLeft aria-hidden className="rtl:rotate-180" />
                      </PageLink>
                      <PageLink
                        href={href({ page: pagination.page + 1 }, true)}
                        disabled={pagination.page >= pagination.pages}
                        label={t("pagination.next")}
                      >
                        <ChevronRight aria-hidden className="rtl:rotate-180" />
                      </PageLink>
                    </div>
                  </div>
                </nav>
              </>
            )}
          </>
        )}
      </ProductsFeedback>
    </div>
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
  children: React.ReactNode;
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

function EmptyState({
  title,
  description,
  icon = "package",
  children,
}: {
  title: string;
  description: string;
  icon?: "package" | "search";
  children?: React.ReactNode;
}) {
  const Icon = icon === "search" ? SearchX : PackagePlus;
  return (
    <Card className="flex flex-col items-center gap-4 px-6 py-14 text-center">
      <span
        aria-hidden
        className="flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground"
      >
        <Icon className="size-6" />
      </span>
      <div className="flex max-w-md flex-col gap-1.5">
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-muted-foreground">{description}</p>
      </div>
      {children ? <div className="flex flex-wrap justify-center gap-2">{children}</div> : null}
    </Card>
  );
}
