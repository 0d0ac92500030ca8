import { getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/status-badge";
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
    <ul
      aria-label={t("caption", { total })}
      className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-sm sm:hidden"
    >
      {rows.map(({ order, date, total, source, itemCount }) => (
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
          </div>
          <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
            <time dateTime={order.createdAt}>{date}</time>
            <span aria-hidden>·</span>
            <span>{t("itemCount", { count: order.itemCount, n: itemCount })}</span>
            <span aria-hidden>·</span>
            {source ?? <bdi dir="ltr">{order.source}</bdi>}
          </p>
        </li>
      ))}
    </ul>
  );
}
