import { FileText, SearchX } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { storeTimeZone } from "@/components/settings/format";
import { Badge } from "@/components/ui/badge";
import { CardLine, CardList, CardListItem, CardMeta, WideOnly } from "@/components/ui/card-list";
import { buttonVariants } from "@/components/ui/button";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLink, ListHeader } from "@/components/ui/list-header";
import { Pagination } from "@/components/ui/pagination";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { InvoiceFilters } from "./invoices-client";
import {
  DEFAULT_LIMIT,
  hasFilters,
  invoiceSearchString,
  PAGE_SIZES,
  parseInvoiceSearchParams,
  toExportParams,
  type InvoiceListState,
} from "./search-params";

export async function generateMetadata({
  params,
}: Pick<LocalePageProps, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Invoices.metadata" });
  return { title: t("list") };
}

/** Invoices and credit notes, newest first, filtered in the URL, with the CSV for the accountant. */
export default async function InvoicesPage({ params, searchParams }: LocalePageProps) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  const state = parseInvoiceSearchParams(await searchParams);
  const list = await sessionStore(session).invoices.list({
    ...toExportParams(state),
    page: state.page,
    limit: state.limit,
  });
  const { pagination } = list;
  if (list.data.length === 0 && pagination.total > 0 && state.page > pagination.pages) {
    redirect(`/${locale}/invoices${invoiceSearchString({ ...state, page: pagination.pages })}`);
  }

  const t = await getTranslations({ locale, namespace: "Invoices" });
  const format = await getDisplayFormatter(locale);
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const filtered = hasFilters(state);
  const href = (changes: Partial<InvoiceListState>, keepPage = false) =>
    `/invoices${invoiceSearchString({ ...state, ...(keepPage ? {} : { page: 1 }), ...changes })}`;
  const clearHref = `/invoices${invoiceSearchString({ limit: state.limit })}`;
  const exportHref = `/${locale}/invoices/export${invoiceSearchString({ ...state, page: 1, limit: DEFAULT_LIMIT })}`;
  const empty = pagination.total === 0 && !filtered;

  // The columns' contents once, for the table and for the phone's cards.
  const cells = (i: (typeof list.data)[number]) => ({
    number: (
      <Link
        href={`/invoices/${i.id}`}
        className="font-medium whitespace-nowrap text-primary underline-offset-4 hover:underline"
        aria-label={t("table.view", { number: i.number })}
      >
        <bdi dir="ltr">{i.number}</bdi>
      </Link>
    ),
    kind: (
      <Badge variant={i.kind === "invoice" ? "secondary" : "outline"}>{t(`kinds.${i.kind}`)}</Badge>
    ),
    issued: (
      <time dateTime={i.issuedAt}>
        {format.dateTime(new Date(i.issuedAt), {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone,
        })}
      </time>
    ),
    order: (
      <Link
        href={`/orders/${i.orderId}`}
        className="font-mono whitespace-nowrap text-primary underline-offset-4 hover:underline"
      >
        <bdi dir="ltr">{i.orderNumber}</bdi>
      </Link>
    ),
    total: format.number(i.total, { style: "currency", currency: i.currency }),
  });

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
          icon={<FileText />}
          title={t("empty.title")}
          description={t("empty.description")}
        >
          <Link href="/orders" className={buttonVariants({ variant: "outline" })}>
            {t("empty.orders")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <InvoiceFilters
            state={{ q: state.q, kind: state.kind ?? "", from: state.from, to: state.to }}
            hidden={{ sort: "", limit: state.limit === DEFAULT_LIMIT ? "" : String(state.limit) }}
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
              <CardList label={t("table.caption", { count: pagination.total })}>
                {list.data.map((i) => {
                  const c = cells(i);
                  return (
                    <CardListItem key={i.id}>
                      <CardLine>
                        {c.number}
                        {c.kind}
                      </CardLine>
                      <CardLine className="items-baseline text-sm">
                        <span className="min-w-0 truncate" dir="auto">
                          {i.buyer.name ?? i.buyer.email ?? "—"}
                        </span>
                        <span className="font-medium whitespace-nowrap tabular-nums">
                          {c.total}
                        </span>
                      </CardLine>
                      <CardMeta
                        items={[
                          <span key="issued">{c.issued}</span>,
                          <span key="order">{c.order}</span>,
                        ]}
                      />
                    </CardListItem>
                  );
                })}
              </CardList>
              <WideOnly>
                <DataTable
                  caption={t("table.caption", { count: pagination.total })}
                  minWidth="min-w-[40rem]"
                >
                  <THead>
                    <tr>
                      <Th>{t("table.number")}</Th>
                      <Th>{t("table.kind")}</Th>
                      <Th>{t("table.issued")}</Th>
                      <Th>{t("table.order")}</Th>
                      <Th>{t("table.buyer")}</Th>
                      <Th className="text-end">{t("table.total")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {list.data.map((i) => (
                      <tr key={i.id} className="hover:bg-muted/50 [&>*]:align-middle">
                        <Th scope="row" className="font-normal">
                          {cells(i).number}
                        </Th>
                        <Td>{cells(i).kind}</Td>
                        <Td className="whitespace-nowrap text-muted-foreground">
                          {cells(i).issued}
                        </Td>
                        <Td>{cells(i).order}</Td>
                        <Td className="max-w-48 truncate" dir="auto">
                          {i.buyer.name ?? i.buyer.email ?? "—"}
                        </Td>
                        <Td className="text-end whitespace-nowrap tabular-nums">
                          {cells(i).total}
                        </Td>
                      </tr>
                    ))}
                  </TBody>
                </DataTable>
              </WideOnly>
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
