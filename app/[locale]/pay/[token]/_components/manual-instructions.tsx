import { Banknote, Landmark } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { checkoutFormat, inLocale, type CheckoutProps } from "./checkout-format";
import { OrderNumber } from "./order-number";

/**
 * Paying outside the page: the store's bank transfer text (in the page's language when the store
 * wrote it) and the cash on delivery note. The only way to pay when no provider is connected.
 */
export async function ManualInstructions({ only, ...props }: CheckoutProps & { only: boolean }) {
  const { view, locale } = props;
  const { t } = await checkoutFormat(props);
  const { instructions, cashOnDelivery } = view.providers.manual;
  const transfer = inLocale(instructions, locale);
  // With a provider on the page and nothing written here, there is nothing to add.
  if (!only && !transfer.text && !cashOnDelivery) return null;
  return (
    <Card role="region" aria-labelledby="checkout-manual-title">
      <CardHeader className="pb-4">
        <CardTitle id="checkout-manual-title" className="text-base">
          {only ? t("manual.title") : t("manual.otherTitle")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-5 text-sm">
        {transfer.text ? (
          <Method icon={<Landmark />} title={t("manual.bankTransfer")}>
            <p lang={transfer.lang} dir="auto" className="break-words whitespace-pre-line">
              {transfer.text}
            </p>
            <p className="text-muted-foreground">
              {t.rich("manual.reference", { number: view.order.number, n: OrderNumber })}
            </p>
          </Method>
        ) : null}
        {cashOnDelivery ? (
          <Method icon={<Banknote />} title={t("manual.cashOnDelivery")}>
            <p className="text-muted-foreground">{t("manual.cashOnDeliveryNote")}</p>
          </Method>
        ) : null}
        {!transfer.text && !cashOnDelivery ? (
          <p className="text-muted-foreground">{t("manual.none")}</p>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Method({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="flex items-start gap-3">
      <span
        aria-hidden
        className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-muted text-muted-foreground [&_svg]:size-4"
      >
        {icon}
      </span>
      <div className="flex min-w-0 flex-col gap-1.5">
        <h3 className="font-medium">{title}</h3>
        {children}
      </div>
    </section>
  );
}
