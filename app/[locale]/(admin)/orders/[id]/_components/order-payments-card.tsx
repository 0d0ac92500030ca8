import { CreditCard } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { paymentState, type PaymentState } from "@/components/orders/payment-state";
import { ProviderLabel } from "@/components/payments/provider-label";
import { RecordPaymentAction } from "@/components/payments/record-payment-dialog";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/lib/admin/i18n/navigation";
import type { BrainSAITStore, Payment } from "@/lib/sdk";
import { recordManualPayment } from "../../../payments/actions";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

const STATE_STYLES: Record<PaymentState, string> = {
  unpaid: "bg-amber-50 text-amber-900 border-amber-200",
  paid: "bg-emerald-50 text-emerald-900 border-emerald-200",
  partially_refunded: "bg-orange-50 text-orange-900 border-orange-200",
  refunded: "bg-rose-50 text-rose-900 border-rose-200",
  void: "bg-muted text-muted-foreground border-border",
};

/** The order's payments, newest first (an order rarely has more than a few attempts). */
export async function orderPayments(store: BrainSAITStore, orderId: string): Promise<Payment[]> {
  return (await store.payments.list({ orderId, limit: 50 })).data;
}

/** What the customer still owes: total less what was paid, never below zero. */
function dueOf(order: OrderCardProps["order"]): number {
  return Math.max(0, Math.round((order.total - order.amountPaid) * 1e6) / 1e6);
}

/**
 * Where the order's money stands (paid, refunded, due), each payment linking to its page, and
 * "Record payment" for a bank transfer or cash while the order waits for payment.
 */
export async function OrderPaymentsCard({
  payments,
  canRecord,
  ...props
}: OrderCardProps & { payments: Payment[]; canRecord: boolean }) {
  const { order, locale } = props;
  const { t: tOrders, money, when } = await orderFormat(props);
  const t = await getTranslations({ locale, namespace: "Payments.orderCard" });
  const state = paymentState(order.status);
  const due = order.status === "pending" ? dueOf(order) : 0;
  const sums = [
    { label: t("paid"), value: money(order.amountPaid) },
    { label: t("refunded"), value: money(order.amountRefunded) },
    { label: t("due"), value: money(due) },
  ];
  return (
    <OrderCard icon={CreditCard} title={t("title")} contentClassName="flex flex-col gap-4">
      <div className="flex flex-col items-start gap-2">
        <Badge variant="outline" className={STATE_STYLES[state]}>
          {tOrders(`payment.states.${state}`)}
        </Badge>
        <p className="text-sm text-muted-foreground">
          {tOrders(`payment.descriptions.${state}`, { total: money(order.total) })}
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-2 rounded-lg bg-muted/50 p-3 text-sm">
        {sums.map((sum) => (
          <div key={sum.label} className="flex min-w-0 flex-col gap-0.5">
            <dt className="text-xs text-muted-foreground">{sum.label}</dt>
            <dd className="font-medium break-words tabular-nums">{sum.value}</dd>
          </div>
        ))}
      </dl>
      {payments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="flex flex-col divide-y divide-border text-sm">
          {payments.map((payment) => (
            <li key={payment.id} className="flex flex-col gap-1 py-2.5 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/payments/${payment.id}`}
                  className="font-medium text-primary tabular-nums underline-offset-4 hover:underline"
                  aria-label={t("open", { amount: money(payment.amount) })}
                >
                  {money(payment.amount)}
                </Link>
                <PaymentStatusBadge status={payment.status} />
              </div>
              <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                <ProviderLabel provider={payment.provider} method={payment.method} />
                <span aria-hidden>·</span>
                <time dateTime={payment.createdAt}>{when(payment.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {/* Kept once the order is paid (its button gone), so the "recorded" notice stays. */}
      {canRecord ? (
        <RecordPaymentAction
          currency={order.currency}
          due={due}
          onRecord={recordManualPayment.bind(null, locale, order.id)}
        />
      ) : null}
    </OrderCard>
  );
}
