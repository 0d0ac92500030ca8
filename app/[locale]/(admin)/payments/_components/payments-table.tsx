import { getTranslations } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { ProviderLabel } from "@/components/payments/provider-label";
import { WideOnly } from "@/components/ui/card-list";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { SortHeader, type SortLink } from "@/components/ui/sort-header";
import { Link } from "@/lib/admin/i18n/navigation";
import type { SortColumn } from "../search-params";
import { OrderLink, type PaymentRow } from "./payment-rows";

/** The payments table for wider screens; its date and amount headers sort the list. */
export async function PaymentsTable({
  locale,
  rows,
  total,
  sortHeader,
}: {
  locale: "en" | "ar";
  rows: PaymentRow[];
  total: number;
  sortHeader: (column: SortColumn) => SortLink;
}) {
  const t = await getTranslations({ locale, namespace: "Payments.table" });
  const labels = { ascending: t("sortAscending"), descending: t("sortDescending") };
  return (
    <WideOnly>
      <DataTable caption={t("caption", { total })} minWidth="min-w-[46rem]">
        <THead>
          <tr>
            <Th>{t("provider")}</Th>
            <Th>{t("status")}</Th>
            <SortHeader {...sortHeader("amount")} labels={labels} align="end">
              {t("amount")}
            </SortHeader>
            <Th>{t("order")}</Th>
            <SortHeader {...sortHeader("created_at")} labels={labels}>
              {t("date")}
            </SortHeader>
          </tr>
        </THead>
        <TBody>
          {rows.map(({ payment, date, amount, refunded }) => (
            <tr key={payment.id} className="hover:bg-muted/50 [&>*]:align-middle">
              <Td>
                <div className="flex min-w-0 flex-col gap-0.5">
                  <ProviderLabel provider={payment.provider} method={payment.method} />
                  {payment.providerId || payment.reference ? (
                    <bdi
                      dir="ltr"
                      className="block max-w-56 truncate font-mono text-xs text-muted-foreground"
                    >
                      {payment.providerId ?? payment.reference}
                    </bdi>
                  ) : null}
                </div>
              </Td>
              <Td>
                <PaymentStatusBadge status={payment.status} />
              </Td>
              <Th scope="row" className="text-end font-normal">
                <div className="flex flex-col items-end gap-0.5">
                  <Link
                    href={`/payments/${payment.id}`}
                    className="font-medium whitespace-nowrap text-primary tabular-nums underline-offset-4 hover:underline"
                    aria-label={t("open", { amount })}
                  >
                    {amount}
                  </Link>
                  {refunded ? (
                    <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">
                      {t("refunded", { amount: refunded })}
                    </span>
                  ) : null}
                </div>
              </Th>
              <Td>
                <OrderLink payment={payment} none={t("noOrder")} />
              </Td>
              <Td className="whitespace-nowrap text-muted-foreground">
                <time dateTime={payment.createdAt}>{date}</time>
              </Td>
            </tr>
          ))}
        </TBody>
      </DataTable>
    </WideOnly>
  );
}
