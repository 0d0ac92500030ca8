import { getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { WideOnly } from "@/components/ui/card-list";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { SortHeader, type SortLink } from "@/components/ui/sort-header";
import { formatPhone } from "@/lib/orders/phone";
import { Link } from "@/lib/admin/i18n/navigation";
import { cn } from "@/lib/cn";
import type { SortColumn } from "../search-params";
import type { OrderRow } from "./order-rows";

/** The orders table for wider screens; its date and total headers sort the list. */
export async function OrdersTable({
  locale,
  rows,
  total,
  sortHeader,
}: {
  locale: "en" | "ar";
  rows: OrderRow[];
  total: number;
  sortHeader: (column: SortColumn) => SortLink;
}) {
  const t = await getTranslations({ locale, namespace: "orders.table" });
  const sortLabels = { ascending: t("sortAscending"), descending: t("sortDescending") };
  return (
    <WideOnly>
      <DataTable
        caption={t("caption", { total })}
        minWidth="min-w-[52rem]"
        // The sort links' screen-reader text is absolutely positioned; keep it inside the
        // scrolling box, or it widens the whole page on phones.
        className="relative"
      >
        <THead>
          <tr>
            <Th>{t("number")}</Th>
            <SortHeader {...sortHeader("created_at")} labels={sortLabels}>
              {t("date")}
            </SortHeader>
            <Th>{t("customer")}</Th>
            <Th>{t("source")}</Th>
            <Th className="text-end">{t("items")}</Th>
            <SortHeader {...sortHeader("total")} labels={sortLabels} align="end">
              {t("total")}
            </SortHeader>
            <Th>{t("status")}</Th>
          </tr>
        </THead>
        <TBody>
          {rows.map(({ order, date, total, source, itemCount }) => (
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
                {order.customerName || order.customerEmail || order.customerPhone ? (
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
                    {order.customerPhone ? (
                      <bdi
                        dir="ltr"
                        className={cn(
                          "truncate",
                          (order.customerName || order.customerEmail) &&
                            "text-xs text-muted-foreground",
                        )}
                      >
                        {formatPhone(order.customerPhone)}
                      </bdi>
                    ) : null}
                  </div>
                ) : (
                  <span className="text-muted-foreground">{t("noCustomer")}</span>
                )}
              </Td>
              <Td>
                {source ?? (
                  <bdi dir="ltr" className="font-mono text-xs">
                    {order.source}
                  </bdi>
                )}
              </Td>
              <Td className="text-end tabular-nums">{itemCount}</Td>
              <Td className="text-end font-medium whitespace-nowrap tabular-nums">{total}</Td>
              <Td>
                <OrderStatusBadge status={order.status} />
              </Td>
            </tr>
          ))}
        </TBody>
      </DataTable>
    </WideOnly>
  );
}
