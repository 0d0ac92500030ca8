import { getTranslations } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { ProviderLabel } from "@/components/payments/provider-label";
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
    <ul
      aria-label={t("caption", { total })}
      className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-sm sm:hidden"
    >
      {rows.map(({ payment, date, amount, refunded }) => (
        <li key={payment.id} className="flex flex-col gap-1.5 p-4">
          <div className="flex items-center justify-between gap-3">
            <Link
              href={`/payments/${payment.id}`}
              className="font-medium text-primary underline-offset-4 hover:underline"
              aria-label={t("open", { amount })}
            >
              <span className="tabular-nums">{amount}</span>
            </Link>
            <PaymentStatusBadge status={payment.status} />
          </div>
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <ProviderLabel provider={payment.provider} method={payment.method} />
            <OrderLink payment={payment} none={t("noOrder")} />
          </div>
          <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
            <time dateTime={payment.createdAt}>{date}</time>
            {refunded ? (
              <>
                <span aria-hidden>·</span>
                <span>{t("refunded", { amount: refunded })}</span>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
