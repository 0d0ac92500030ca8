import { Plus, SearchX, ShoppingBag } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { canWriteOrders } from "@/components/orders/permissions";
import { storeTimeZone } from "@/components/settings/format";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink, ListHeader } from "@/components/ui/list-header";
import { Pagination } from "@/components/ui/pagination";
import { buttonVariants } from "@/components/ui/button";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { OrderCards, type OrderRow } from "./_components/order-rows";
import { OrdersTable } from "./_components/orders-table";
import { OrderFilters } from "./orders-client";
import {
  DEFAULT_LIST_STATE,
  hasFilters,
  nextSort,
  orderSearchString,
  PAGE_SIZES,
  parseOrderSearchParams,
  sortDirection,
  toListParams,
  withChanges,
  type OrderListState,
  type SortColumn,
} from "./search-params";

type Props = LocalePageProps;

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "orders.metadata" });
  return { title: t("list") };
}

/** Sources the admin itself writes; integrations name their own. */
const KNOWN_SOURCES = ["admin", "api"] as const;

export default async function OrdersPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const state = parseOrderSearchParams(await searchParams);
  const store = sessionStore(session);
  const list = await store.orders.list(toListParams(state));
  const { pagination } = list;
  // A page past the end (an edited URL, or a filter that shrank the list): show the last one.
  if (list.data.length === 0 && pagination.total > 0 && state.page > pagination.pages) {
    redirect(`/${locale}/orders${orderSearchString({ ...state, page: pagination.pages })}`);
  }

  const t = await getTranslations({ locale, namespace: "orders" });
  const format = await getDisplayFormatter(locale);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const canWrite = canWriteOrders(me.user.role);
  const filtered = hasFilters(state);
  const href = (changes: Partial<OrderListState>, keepPage = false) =>
    `/orders${orderSearchString(keepPage ? { ...state, ...changes } : withChanges(state, changes))}`;
  const clearHref = `/orders${orderSearchString({ sort: state.sort, limit: state.limit })}`;
  const sourceLabel = (source: string) =>
    (KNOWN_SOURCES as readonly string[]).includes(source)
      ? t(`sources.${source as (typeof KNOWN_SOURCES)[number]}`)
      : null;
  const sortHeader = (column: SortColumn) => ({
    href: href({ sort: nextSort(state.sort, column) }),
    direction: sortDirection(state.sort, column),
  });
  // The export takes the list's filters and order, not its page.
  const exportHref = `/${locale}/orders/export${orderSearchString({ ...state, page: 1, limit: DEFAULT_LIST_STATE.limit })}`;

  // Formatted once here, for the table and for the phone layout alike.
  const rows: OrderRow[] = list.data.map((order) => ({
    order,
    date: format.dateTime(new Date(order.createdAt), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    }),
    total: format.number(order.total, { style: "currency", currency: order.currency }),
    itemCount: format.number(order.itemCount),
    source: sourceLabel(order.source),
  }));

  const empty = pagination.total === 0 && !filtered;

  return (
    <div className="flex flex-col gap-6">
      <ListHeader title={t("list.title")} description={t("list.description")}>
        {empty ? null : (
          <ExportLink href={exportHref}>
            {filtered ? t("list.exportFiltered") : t("list.export")}
          </ExportLink>
        )}
        {canWrite ? (
          <Link href="/orders/new" className={buttonVariants({ size: "sm" })}>
            <Plus aria-hidden />
            {t("list.new")}
          </Link>
        ) : null}
      </ListHeader>

      {empty ? (
        <EmptyState
          icon={<ShoppingBag />}
          title={t("empty.title")}
          description={canWrite ? t("empty.description") : t("empty.viewerDescription")}
        >
          {canWrite ? (
            <Link href="/orders/new" className={buttonVariants()}>
              <Plus aria-hidden />
              {t("empty.create")}
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <OrderFilters
            state={{
              q: state.q,
              status: state.status ?? "",
              source: state.source,
              from: state.from,
              to: state.to,
            }}
            hidden={{
              sort: state.sort === DEFAULT_LIST_STATE.sort ? "" : state.sort,
              limit: state.limit === DEFAULT_LIST_STATE.limit ? "" : String(state.limit),
            }}
            sources={KNOWN_SOURCES.map((value) => ({ value, label: t(`sources.${value}`) }))}
            clearHref={clearHref}
            timeZone={timeZone}
          />

          {list.data.length === 0 ? (
            <EmptyState
              icon={<SearchX />}
              title={t("noResults.title")}
              description={t("noResults.description")}
            >
              <Link href={clearHref} className={buttonVariants({ variant: "outline" })}>
                {t("noResults.clear")}
              </Link>
            </EmptyState>
          ) : (
            <>
              <OrderCards locale={locale} rows={rows} total={pagination.total} />
              <OrdersTable
                locale={locale}
                rows={rows}
                total={pagination.total}
                sortHeader={sortHeader}
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
    </div>
  );
}
