import { getTranslations } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { ProviderLabel } from "@/components/payments/provider-label";
import { CardLine, CardList, CardListItem, CardMeta } from "@/components/ui/card-list";
import { Link } from "@/lib/admin/i18n/navigation";
import type { Payment } from "@/lib/sdk";

/** One payment of the list, its date and amounts formatted once for both layouts. */
export interface PaymentRow {
  payment: Payment;
  date: string;
  amount: string;
  /** What was given back, or null when nothing was. */
  refunded: string | null;
}

/** The order a payment belongs to, by number, linking to it; a dash when it has none. */
export function OrderLink({ payment, none }: { payment: Payment; none: string }) {
  if (!payment.orderId) return <span className="text-muted-foreground">{none}</span>;
  return (
    <Link
      href={`/orders/${payment.orderId}`}
      className="font-mono whitespace-nowrap text-primary underline-offset-4 hover:underline"
    >
      <bdi dir="ltr">{payment.orderNumber ?? payment.orderId.slice(0, 8)}</bdi>
    </Link>
  );
}

/** Phones get a list of cards: five columns do not fit side by side there. */
export async function PaymentCards({
  locale,
  rows,
  total,
}: {
  locale: "en" | "ar";
  rows: PaymentRow[];
  total: number;
}) {
  const t = await getTranslations({ locale, namespace: "Payments.table" });
  return (
    <CardList label={t("caption", { total })}>
      {rows.map(({ payment, date, amount, refunded }) => (
        <CardListItem key={payment.id}>
          <CardLine>
            <Link
              href={`/payments/${payment.id}`}
              className="font-medium text-primary underline-offset-4 hover:underline"
              aria-label={t("open", { amount })}
            >
              <span className="tabular-nums">{amount}</span>
            </Link>
            <PaymentStatusBadge status={payment.status} />
          </CardLine>
          <CardLine className="items-baseline text-sm">
            <ProviderLabel provider={payment.provider} method={payment.method} />
            <OrderLink payment={payment} none={t("noOrder")} />
          </CardLine>
          <CardMeta
            items={[
              <time key="date" dateTime={payment.createdAt}>
                {date}
              </time>,
              refunded ? <span key="refunded">{t("refunded", { amount: refunded })}</span> : null,
            ]}
          />
        </CardListItem>
      ))}
    </CardList>
  );
}
