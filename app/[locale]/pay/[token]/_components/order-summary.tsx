import { ReceiptText } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { toMajor, toMinor } from "@/lib/money";
import { checkoutFormat, inLocale, type CheckoutProps } from "./checkout-format";

/**
 * The order's lines and totals under its VAT rule, as the customer pays them. `paid` turns it
 * into the receipt: the total is what was paid and there is nothing left due.
 */
export async function OrderSummary({
  paid = false,
  className,
  ...props
}: CheckoutProps & { paid?: boolean; className?: string }) {
  const { view, locale } = props;
  const { t, format, money, vatRate } = await checkoutFormat(props);
  const { order } = view;
  const titleId = paid ? "checkout-receipt-title" : "checkout-summary-title";
  const showDue = !paid && order.amountDue !== order.total;
  return (
    <Card aria-labelledby={titleId} role="region" className={className}>
      <CardHeader className="pb-4">
        <CardTitle id={titleId} className="flex items-center gap-2 text-base">
          <ReceiptText aria-hidden className="size-4 text-muted-foreground" />
          {paid ? t("states.paid.receipt") : t("summary.title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <ul aria-label={t("summary.items")} className="flex flex-col divide-y divide-border">
          {order.items.map((item, index) => {
            const name = inLocale(item.name, locale);
            return (
              <li
                key={index}
                className="flex items-start justify-between gap-4 py-3 first:pt-0 last:pb-0"
              >
                <div className="flex min-w-0 flex-col gap-0.5">
                  <bdi lang={name.lang} dir="auto" className="font-medium break-words">
                    {name.text}
                  </bdi>
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {t("summary.quantityTimesPrice", {
                      quantity: format.number(item.quantity),
                      price: money(item.unitPrice),
                    })}
                  </span>
                </div>
                <span className="font-medium whitespace-nowrap tabular-nums">
                  {money(lineAmount(item, order))}
                </span>
              </li>
            );
          })}
        </ul>
        <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 border-t border-border pt-4 text-sm">
          <dt className="text-muted-foreground">{t("summary.subtotal")}</dt>
          <dd className="text-end tabular-nums">{money(order.subtotal)}</dd>
          <dt className="text-muted-foreground">{t("summary.vat", { rate: vatRate })}</dt>
          <dd className="text-end tabular-nums">{money(order.tax)}</dd>
          <Row
            label={paid ? t("states.paid.amountPaid") : t("summary.total")}
            value={money(order.total)}
            strong={!showDue}
          />
          {showDue ? (
            <Row label={t("summary.amountDue")} value={money(order.amountDue)} strong />
          ) : null}
          <dd className="col-span-2 text-xs text-muted-foreground">
            {order.pricesIncludeVat
              ? t("summary.includesVat", { rate: vatRate })
              : t("summary.excludesVat", { rate: vatRate })}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}

type Order = CheckoutProps["view"]["order"];

/**
 * What a line costs as priced, so the lines add up to the subtotal: with VAT-inclusive prices its
 * total; otherwise quantity × unit price (in minor units, exactly), the VAT coming below.
 */
function lineAmount(item: Order["items"][number], order: Order): number {
  if (order.pricesIncludeVat) return item.total;
  const unit = toMinor(item.unitPrice, order.currency);
  return toMajor(unit * item.quantity, order.currency);
}

function Row({ label, value, strong }: { label: string; value: string; strong: boolean }) {
  return (
    <div
      className={cn(
        "col-span-2 grid grid-cols-subgrid",
        strong && "border-t border-border pt-2 text-base font-semibold",
      )}
    >
      <dt>{label}</dt>
      <dd className="text-end tabular-nums">{value}</dd>
    </div>
  );
}
