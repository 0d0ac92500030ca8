import { Info } from "lucide-react";
import type { ReactNode } from "react";
import { ProviderLabel } from "@/components/payments/provider-label";
import { IconTitleCard } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { OrderLink } from "../../_components/payment-rows";
import { paymentFormat, type PaymentCardProps } from "./payment-format";

/** Who took the payment, for which order, under which ids (copyable, to look it up there). */
export async function DetailsCard(props: PaymentCardProps) {
  const { payment } = props;
  const { t, when } = await paymentFormat(props);
  const ids = payment.provider === "manual" ? null : payment.provider;
  return (
    <IconTitleCard icon={Info} title={t("details.title")} contentClassName="flex flex-col gap-4">
      <dl className="flex flex-col gap-3 text-sm">
        <Detail label={t("details.provider")}>
          <ProviderLabel provider={payment.provider} method={payment.method} />
        </Detail>
        <Detail label={t("details.order")}>
          <OrderLink payment={payment} none={t("details.noOrder")} />
        </Detail>
        {payment.provider === "manual" ? (
          <Detail label={t("details.reference")}>
            {payment.reference ? (
              <bdi dir="ltr" className="font-mono break-all">
                {payment.reference}
              </bdi>
            ) : (
              <span className="text-muted-foreground">{t("details.none")}</span>
            )}
          </Detail>
        ) : null}
        {payment.livemode !== null ? (
          <Detail label={t("details.mode")}>
            {payment.livemode ? t("details.live") : t("details.test")}
          </Detail>
        ) : null}
        <Detail label={t("details.created")}>
          <time dateTime={payment.createdAt}>{when(payment.createdAt)}</time>
        </Detail>
        <Detail label={t("details.completed")}>
          {payment.completedAt ? (
            <time dateTime={payment.completedAt}>{when(payment.completedAt)}</time>
          ) : (
            <span className="text-muted-foreground">{t("details.notCompleted")}</span>
          )}
        </Detail>
      </dl>
      {ids && payment.providerId ? (
        <CopyField label={t(`details.providerId.${ids}`)} value={payment.providerId} />
      ) : null}
      {ids && payment.providerChargeId ? (
        <CopyField label={t(`details.chargeId.${ids}`)} value={payment.providerChargeId} />
      ) : null}
    </IconTitleCard>
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
