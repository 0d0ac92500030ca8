import { CreditCard, Link2 } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { paymentState, type PaymentState } from "@/components/orders/payment-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrderWithTimeline } from "@/lib/sdk";

const PAYMENT_STYLES: Record<PaymentState, string> = {
  unpaid: "bg-amber-50 text-amber-900 border-amber-200",
  paid: "bg-emerald-50 text-emerald-900 border-emerald-200",
  partially_refunded: "bg-orange-50 text-orange-900 border-orange-200",
  refunded: "bg-rose-50 text-rose-900 border-rose-200",
  void: "bg-muted text-muted-foreground border-border",
};

/** Where the payment stands, as the order's status implies it. */
export async function PaymentCard({
  order,
  locale,
}: {
  order: OrderWithTimeline;
  locale: "en" | "ar";
}) {
  const t = await getTranslations({ locale, namespace: "orders" });
  const format = await getFormatter({ locale });
  const payment = paymentState(order.status);
  const total = format.number(order.total, { style: "currency", currency: order.currency });
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="flex items-center gap-2 text-base">
          <CreditCard aria-hidden className="size-4 text-muted-foreground" />
          {t("payment.title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col items-start gap-2">
        <Badge variant="outline" className={PAYMENT_STYLES[payment]}>
          {t(`payment.states.${payment}`)}
        </Badge>
        <p className="text-sm text-muted-foreground">
          {t(`payment.descriptions.${payment}`, { total })}
        </p>
      </CardContent>
    </Card>
  );
}

/** Where the order came from: source, external id, currency, last change. */
export async function OriginCard({
  order,
  locale,
  timeZone,
}: {
  order: OrderWithTimeline;
  locale: "en" | "ar";
  timeZone: string;
}) {
  const t = await getTranslations({ locale, namespace: "orders" });
  const format = await getFormatter({ locale });
  const sourceName =
    order.source === "admin" || order.source === "api" ? t(`sources.${order.source}`) : null;
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="flex items-center gap-2 text-base">
          <Link2 aria-hidden className="size-4 text-muted-foreground" />
          {t("origin.title")}
        </CardTitle>
      </CardHeader>
      <CardContent>
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
            <time dateTime={order.updatedAt}>
              {format.dateTime(new Date(order.updatedAt), {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone,
              })}
            </time>
          </Detail>
        </dl>
      </CardContent>
    </Card>
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
