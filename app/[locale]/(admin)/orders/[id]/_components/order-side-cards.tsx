import { Link2 } from "lucide-react";
import type { ReactNode } from "react";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

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
