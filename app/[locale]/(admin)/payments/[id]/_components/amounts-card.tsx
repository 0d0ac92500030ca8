import { Card } from "@/components/ui/card";
import { paymentFormat, refundableOf, type PaymentCardProps } from "./payment-format";

/** The payment's four sums side by side: asked, captured, refunded, left to refund. */
export async function AmountsCard(props: PaymentCardProps) {
  const { payment } = props;
  const { t, money } = await paymentFormat(props);
  const cells = [
    { label: t("amounts.amount"), value: money(payment.amount) },
    { label: t("amounts.captured"), value: money(payment.amountCaptured) },
    { label: t("amounts.refunded"), value: money(payment.amountRefunded) },
    { label: t("amounts.refundable"), value: money(refundableOf(payment)) },
  ];
  return (
    <Card>
      <dl className="grid grid-cols-2 lg:grid-cols-4">
        {cells.map((cell) => (
          <div
            key={cell.label}
            className="flex flex-col gap-1 border-border p-5 lg:border-s lg:first:border-s-0"
          >
            <dt className="text-sm text-muted-foreground">{cell.label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{cell.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
