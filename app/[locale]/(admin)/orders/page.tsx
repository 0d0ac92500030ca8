import {
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  Download,
  Plus,
  SearchX,
  ShoppingBag,
} from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ListPagination } from "@/components/orders/list-pagination";
import { canWriteOrders } from "@/components/orders/permissions";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { storeTimeZone } from "@/components/settings/format";
import { EmptyState } from "@/components/settings/parts";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { buttonVariants } from "@/components/ui/button";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { PageSizeSelect } from "@/components/ui/page-size-select";
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

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

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
  const format = await getFormatter({ locale });
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
  const rows = list.data.map((order) => ({
    order,
    date: format.dateTime(new Date(order.createdAt), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    }),
    total: format.number(order.total, { style: "currency", currency: order.currency }),
    source: sourceLabel(order.source),
  }));

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
          {empty ? null : (
            // A plain link: the browser downloads the CSV the route handler streams.
            <a
              href={exportHref}
              download
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              <Download aria-hidden />
              {filtered ? t("list.exportFiltered") : t("list.export")}
            </a>
          )}
          {canWrite ? (
            <Link href="/orders/new" className={buttonVariants({ size: "sm" })}>
              <Plus aria-hidden />
              {t("list.new")}
            </Link>
          ) : null}
        </div>
      </header>

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
              {/* Phones get a list of cards: seven columns do not fit side by side there. */}
              <ul
                aria-label={t("table.caption", { total: pagination.total })}
                className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-sm sm:hidden"
              >
                {rows.map(({ order, date, total, source }) => (
                  <li key={order.id} className="flex flex-col gap-1.5 p-4">
                    <div className="flex items-center justify-between gap-3">
                      <Link
                        href={`/orders/${order.id}`}
                        className="font-mono font-medium text-primary underline-offset-4 hover:underline"
                      >
                        <bdi dir="ltr">{order.number}</bdi>
                      </Link>
                      <OrderStatusBadge status={order.status} />
                    </div>
                    <div className="flex items-baseline justify-between gap-3 text-sm">
                      <span className="min-w-0 truncate">
                        {order.customerName || order.customerEmail ? (
                          <bdi dir={order.customerName ? undefined : "ltr"}>
                            {order.customerName || order.customerEmail}
                          </bdi>
                        ) : (
                          <span className="text-muted-foreground">{t("table.noCustomer")}</span>
                        )}
                      </span>
                      <span className="font-medium whitespace-nowrap tabular-nums">{total}</span>
                    </div>
                    <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                      <time dateTime={order.createdAt}>{date}</time>
                      <span aria-hidden>·</span>
                      <span>{t("table.itemCount", { count: order.itemCount })}</span>
                      <span aria-hidden>·</span>
                      {source ?? <bdi dir="ltr">{order.source}</bdi>}
                    </p>
                  </li>
                ))}
              </ul>
              <div className="hidden sm:block">
                <DataTable
                  caption={t("table.caption", { total: pagination.total })}
                  minWidth="min-w-[52rem]"
                  // The sort links' screen-reader text is absolutely positioned; keep it inside the
                  // scrolling box, or it widens the whole page on phones.
                  className="relative"
                >
                  <THead>
                    <tr>
                      <Th>{t("table.number")}</Th>
                      <SortHeader {...sortHeader("created_at")} labels={t}>
                        {t("table.date")}
                      </SortHeader>
                      <Th>{t("table.customer")}</Th>
                      <Th>{t("table.source")}</Th>
                      <Th className="text-end">{t("table.items")}</Th>
                      <SortHeader {...sortHeader("total")} labels={t} align="end">
                        {t("table.total")}
                      </SortHeader>
                      <Th>{t("table.status")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {rows.map(({ order, date, total, source }) => {
                      return (
                        <tr key={order.id} className="hover:bg-muted/50 [&>*]:align-middle">
                          <Th scope="row" className="font-normal">
                            <Link
                              href={`/orders/${order.id}`}
                              className="font-mono font-medium whitespace-nowrap text-primary underline-offset-4 hover:underline"
                            >
                              <bdi dir="ltr">{order.number}</bdi>
                            </Link>
                          </Th>
                          <Td className="whitespace-nowrap text-muted-foreground">
                            <time dateTime={order.createdAt}>{date}</time>
                          </Td>
                          <Td>
                            {order.customerName || order.customerEmail ? (
                              <div className="flex max-w-64 min-w-0 flex-col gap-0.5">
                                {order.customerName ? (
                                  <bdi className="truncate font-medium">{order.customerName}</bdi>
                                ) : null}
                                {order.customerEmail ? (
                                  <bdi
                                    dir="ltr"
                                    className={cn(
                                      "truncate",
                                      order.customerName && "text-xs text-muted-foreground",
                                    )}
                                  >
                                    {order.customerEmail}
                                  </bdi>
                                ) : null}
                              </div>
                            ) : (
                              <span className="text-muted-foreground">{t("table.noCustomer")}</span>
                            )}
                          </Td>
                          <Td>
                            {source ?? (
                              <bdi dir="ltr" className="font-mono text-xs">
                                {order.source}
                              </bdi>
                            )}
                          </Td>
                          <Td className="text-end tabular-nums">
                            {format.number(order.itemCount)}
                          </Td>
                          <Td className="text-end font-medium whitespace-nowrap tabular-nums">
                            {total}
                          </Td>
                          <Td>
                            <OrderStatusBadge status={order.status} />
                          </Td>
                        </tr>
                      );
                    })}
                  </TBody>
                </DataTable>
              </div>
              <ListPagination
                label={t("pagination.label")}
                summary={t("pagination.summary", {
                  from: format.number(from),
                  to: format.number(to),
                  total: format.number(pagination.total),
                })}
                pageLabel={t("pagination.page", {
                  page: format.number(pagination.page),
                  pages: format.number(Math.max(1, pagination.pages)),
                })}
                previous={{
                  href: href({ page: pagination.page - 1 }, true),
                  label: t("pagination.previous"),
                  disabled: pagination.page <= 1,
                }}
                next={{
                  href: href({ page: pagination.page + 1 }, true),
                  label: t("pagination.next"),
                  disabled: pagination.page >= pagination.pages,
                }}
              >
                <PageSizeSelect
                  value={state.limit}
                  options={PAGE_SIZES.map((size) => ({
                    value: size,
                    label: format.number(size),
                    href: href({ limit: size }),
                  }))}
                />
              </ListPagination>
            </>
          )}
        </>
      )}
    </div>
  );
}

function SortHeader({
  href,
  direction,
  align = "start",
  labels,
  children,
}: {
  href: string;
  direction: "ascending" | "descending" | null;
  align?: "start" | "end";
  labels: (key: "table.sortAscending" | "table.sortDescending") => string;
  children: ReactNode;
}) {
  const Icon =
    direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <Th aria-sort={direction ?? undefined} className={align === "end" ? "text-end" : "text-start"}>
      <Link
        href={href}
        scroll={false}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm hover:text-foreground",
          direction && "text-foreground",
        )}
      >
        {children}
        <Icon aria-hidden className={cn("size-3.5", !direction && "opacity-50")} />
        <span className="sr-only">
          {direction === "descending"
            ? labels("table.sortAscending")
            : labels("table.sortDescending")}
        </span>
      </Link>
    </Th>
  );
}
