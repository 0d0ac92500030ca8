import { getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { CardLine, CardList, CardListItem, CardMeta } from "@/components/ui/card-list";
import { Link } from "@/lib/admin/i18n/navigation";
import { formatPhone } from "@/lib/orders/phone";
import type { OrderList } from "@/lib/sdk/orders";

/** One order of the list, its date, total, item count and source formatted once for both layouts. */
export interface OrderRow {
  order: OrderList["data"][number];
  date: string;
  total: string;
  itemCount: string;
  /** The source's label, or null for an integration's own name (shown as written). */
  source: string | null;
}

/** Phones get a list of cards: seven columns do not fit side by side there. */
export async function OrderCards({
  locale,
  rows,
  total,
}: {
  locale: "en" | "ar";
  rows: OrderRow[];
  total: number;
}) {
  const t = await getTranslations({ locale, namespace: "orders.table" });
  return (
    <CardList label={t("caption", { total })}>
      {rows.map(({ order, date, total, source, itemCount }) => (
        <CardListItem key={order.id}>
          <CardLine>
            <Link
              href={`/orders/${order.id}`}
              className="font-mono font-medium text-primary underline-offset-4 hover:underline"
            >
              <bdi dir="ltr">{order.number}</bdi>
            </Link>
            <OrderStatusBadge status={order.status} />
          </CardLine>
          <CardLine className="items-baseline text-sm">
            <span className="min-w-0 truncate">
              {order.customerName || order.customerEmail || order.customerPhone ? (
                <bdi dir={order.customerName ? undefined : "ltr"}>
                  {order.customerName ||
                    order.customerEmail ||
                    formatPhone(order.customerPhone ?? "")}
                </bdi>
              ) : (
                <span className="text-muted-foreground">{t("noCustomer")}</span>
              )}
            </span>
            <span className="font-medium whitespace-nowrap tabular-nums">{total}</span>
          </CardLine>
          <CardMeta
            items={[
              <time key="date" dateTime={order.createdAt}>
                {date}
              </time>,
              <span key="items">{t("itemCount", { count: order.itemCount, n: itemCount })}</span>,
              source ?? (
                <bdi key="source" dir="ltr">
                  {order.source}
                </bdi>
              ),
            ]}
          />
        </CardListItem>
      ))}
    </CardList>
  );
}
