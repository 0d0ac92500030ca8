import { CreditCard, SearchX } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { storeTimeZone } from "@/components/settings/format";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink, ListHeader } from "@/components/ui/list-header";
import { Pagination } from "@/components/ui/pagination";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { PaymentCards, type PaymentRow } from "./_components/payment-rows";
import { PaymentsTable } from "./_components/payments-table";
import { PaymentFilters } from "./payments-client";
import {
  DEFAULT_LIST_STATE,
  hasFilters,
  nextSort,
  PAGE_SIZES,
  parsePaymentSearchParams,
  paymentSearchString,
  sortDirection,
  toListParams,
  withChanges,
  type PaymentListState,
  type SortColumn,
} from "./search-params";

export async function generateMetadata({
  params,
}: Pick<LocalePageProps, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Payments.metadata" });
  return { title: t("list") };
}

export default async function PaymentsPage({ params, searchParams }: LocalePageProps) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const state = parsePaymentSearchParams(await searchParams);
  const list = await sessionStore(session).payments.list(toListParams(state));
  const { pagination } = list;
  // A page past the end (an edited URL, or a filter that shrank the list): show the last one.
  if (list.data.length === 0 && pagination.total > 0 && state.page > pagination.pages) {
    redirect(`/${locale}/payments${paymentSearchString({ ...state, page: pagination.pages })}`);
  }

  const t = await getTranslations({ locale, namespace: "Payments" });
  const format = await getDisplayFormatter(locale);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const filtered = hasFilters(state);
  const href = (changes: Partial<PaymentListState>, keepPage = false) =>
    `/payments${paymentSearchString(keepPage ? { ...state, ...changes } : withChanges(state, changes))}`;
  const clearHref = `/payments${paymentSearchString({ sort: state.sort, limit: state.limit })}`;
  const sortHeader = (column: SortColumn) => ({
    href: href({ sort: nextSort(state.sort, column) }),
    direction: sortDirection(state.sort, column),
  });
  // The export takes the list's filters and order, not its page.
  const exportHref = `/${locale}/payments/export${paymentSearchString({ ...state, page: 1, limit: DEFAULT_LIST_STATE.limit })}`;

  // Formatted once here, for the table and for the phone layout alike.
  const money = (amount: number, currency: string) =>
    format.number(amount, { style: "currency", currency });
  const rows: PaymentRow[] = list.data.map((payment) => ({
    payment,
    date: format.dateTime(new Date(payment.createdAt), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    }),
    amount: money(payment.amount, payment.currency),
    refunded: payment.amountRefunded > 0 ? money(payment.amountRefunded, payment.currency) : null,
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
      </ListHeader>

      {empty ? (
        <EmptyState
          icon={<CreditCard />}
          title={t("empty.title")}
          description={t("empty.description")}
        >
          <Link href="/orders" className={buttonVariants({ variant: "outline" })}>
            {t("empty.orders")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <PaymentFilters
            state={{
              q: state.q,
              status: state.status ?? "",
              provider: state.provider ?? "",
              from: state.from,
              to: state.to,
            }}
            hidden={{
              sort: state.sort === DEFAULT_LIST_STATE.sort ? "" : state.sort,
              limit: state.limit === DEFAULT_LIST_STATE.limit ? "" : String(state.limit),
            }}
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
              <PaymentCards locale={locale} rows={rows} total={pagination.total} />
              <PaymentsTable
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
