import { CreditCard, Link2 } from "lucide-react";
import type { ReactNode } from "react";
import { paymentState, type PaymentState } from "@/components/orders/payment-state";
import { Badge } from "@/components/ui/badge";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

const PAYMENT_STYLES: Record<PaymentState, string> = {
  unpaid: "bg-amber-50 text-amber-900 border-amber-200",
  paid: "bg-emerald-50 text-emerald-900 border-emerald-200",
  partially_refunded: "bg-orange-50 text-orange-900 border-orange-200",
  refunded: "bg-rose-50 text-rose-900 border-rose-200",
  void: "bg-muted text-muted-foreground border-border",
};

/** Where the payment stands, as the order's status implies it. */
export async function PaymentCard(props: OrderCardProps) {
  const { t, money } = await orderFormat(props);
  const payment = paymentState(props.order.status);
  const total = money(props.order.total);
  return (
    <OrderCard
      icon={CreditCard}
      title={t("payment.title")}
      contentClassName="flex flex-col items-start gap-2"
    >
      <Badge variant="outline" className={PAYMENT_STYLES[payment]}>
        {t(`payment.states.${payment}`)}
      </Badge>
      <p className="text-sm text-muted-foreground">
        {t(`payment.descriptions.${payment}`, { total })}
      </p>
    </OrderCard>
  );
}

/** Where the order came from: source, external id, currency, last change. */
export async function OriginCard(props: OrderCardProps) {
  const { order } = props;
  const { t, when } = await orderFormat(props);
  const sourceName =
    order.source === "admin" || order.source === "api" ? t(`sources.${order.source}`) : null;
  return (
    <OrderCard icon={Link2} title={t("origin.title")}>
      <dl className="flex flex-col gap-3 text-sm">
        <Detail label={t("origin.source")}>
          {sourceName ?? (
            <bdi dir="ltr" className="font-mono">
              {order.source}
            </bdi>
          )}
        </Detail>
        <Detail label={t("origin.externalId")}>
          {order.externalId ? (
            <bdi dir="ltr" className="font-mono break-all">
              {order.externalId}
            </bdi>
          ) : (
            <span className="text-muted-foreground">{t("origin.none")}</span>
          )}
        </Detail>
        <Detail label={t("origin.currency")}>
          <bdi dir="ltr">{order.currency}</bdi>
        </Detail>
        <Detail label={t("origin.updated")}>
          <time dateTime={order.updatedAt}>{when(order.updatedAt)}</time>
        </Detail>
      </dl>
    </OrderCard>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
