import { Undo2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { IconTitleCard } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { cn } from "@/lib/cn";
import type { RefundStatus } from "@/lib/payments/constants";
import { paymentFormat, type PaymentCardProps } from "./payment-format";

const REFUND_STYLES: Record<RefundStatus, string> = {
  pending: "bg-amber-50 text-amber-900 border-amber-200",
  succeeded: "bg-emerald-50 text-emerald-900 border-emerald-200",
  failed: "bg-red-50 text-red-900 border-red-200",
};

/** Every refund of the payment, newest last: amount, status, reason, the provider's id, when. */
export async function RefundsCard(props: PaymentCardProps) {
  const { payment } = props;
  const { t, money, when } = await paymentFormat(props);
  const { refunds } = payment;
  return (
    <IconTitleCard icon={Undo2} title={t("refunds.title")} description={t("refunds.description")}>
      {refunds.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("refunds.none")}</p>
      ) : (
        <DataTable
          caption={t("refunds.caption", { count: refunds.length })}
          minWidth="min-w-[30rem]"
        >
          <THead>
            <tr>
              <Th className="text-end">{t("refunds.amount")}</Th>
              <Th>{t("refunds.status")}</Th>
              <Th>{t("refunds.reason")}</Th>
              <Th>{t("refunds.date")}</Th>
            </tr>
          </THead>
          <TBody>
            {refunds.map((refund) => (
              <tr key={refund.id}>
                <Td className="text-end font-medium whitespace-nowrap tabular-nums">
                  {money(refund.amount)}
                </Td>
                <Td>
                  <div className="flex flex-col items-start gap-1">
                    <Badge variant="outline" className={cn(REFUND_STYLES[refund.status])}>
                      {t(`refunds.statuses.${refund.status}`)}
                    </Badge>
                    {refund.failureMessage ? (
                      <span dir="ltr" lang="en" className="text-xs text-destructive">
                        {refund.failureMessage}
                      </span>
                    ) : null}
                  </div>
                </Td>
                <Td>
                  <div className="flex max-w-64 flex-col gap-0.5">
                    {refund.reason ? (
                      <bdi className="[overflow-wrap:anywhere]">{refund.reason}</bdi>
                    ) : (
                      <span className="text-muted-foreground">{t("refunds.noReason")}</span>
                    )}
                    {refund.providerRefundId ? (
                      <bdi dir="ltr" className="font-mono text-xs text-muted-foreground">
                        {refund.providerRefundId}
                      </bdi>
                    ) : null}
                  </div>
                </Td>
                <Td className="text-muted-foreground">
                  <time dateTime={refund.createdAt}>{when(refund.createdAt)}</time>
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </IconTitleCard>
  );
}
