import { Link2, Truck } from "lucide-react";
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

/** Where it goes, how it is paid, how it travels (the mobile is with the customer's details). */
export async function DeliveryCard(props: OrderCardProps) {
  const { order } = props;
  const { t } = await orderFormat(props);
  const address = order.shippingAddress;
  const none = <span className="text-muted-foreground">{t("origin.none")}</span>;
  return (
    <OrderCard icon={Truck} title={t("delivery.title")}>
      <dl className="flex flex-col gap-3 text-sm">
        <Detail label={t("delivery.address")}>
          {address ? (
            <address className="flex flex-col not-italic">
              {address.street || address.buildingNumber ? (
                <span>
                  <bdi>{[address.buildingNumber, address.street].filter(Boolean).join(" ")}</bdi>
                </span>
              ) : null}
              <span>
                {[address.district, address.city].filter(Boolean).map((part, i) => (
                  <span key={i}>
                    {i ? t("delivery.separator") : null}
                    <bdi>{part}</bdi>
                  </span>
                ))}
              </span>
              {address.postalCode ? (
                <span>{t("delivery.postalCode", { code: address.postalCode })}</span>
              ) : null}
              {address.shortCode ? (
                <span>
                  {t("delivery.shortCode")}{" "}
                  <bdi dir="ltr" className="font-mono">
                    {address.shortCode}
                  </bdi>
                </span>
              ) : null}
            </address>
          ) : (
            none
          )}
        </Detail>
        <Detail label={t("delivery.paymentMethod")}>
          {order.paymentMethod ? t(`paymentMethods.${order.paymentMethod}`) : none}
        </Detail>
        {order.carrier || order.trackingNumber ? (
          <Detail label={t("delivery.tracking")}>
            {order.carrier ? <bdi>{order.carrier}</bdi> : null}
            {order.carrier && order.trackingNumber ? " · " : null}
            {order.trackingNumber ? (
              <bdi dir="ltr" className="font-mono break-all" data-testid="tracking-number">
                {order.trackingNumber}
              </bdi>
            ) : null}
          </Detail>
        ) : null}
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
