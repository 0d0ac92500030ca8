import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { checkoutFormat, type CheckoutProps } from "./checkout-format";
import { ManualInstructions } from "./manual-instructions";
import { OrderNumber } from "./order-number";
import { OrderSummary } from "./order-summary";
import { PayPalPayment, StripePayment } from "./payment-islands";

/**
 * A link that still takes payment: the order beside the ways to pay. Each provider's island is
 * rendered only when the store offers it, so the other's code is never loaded.
 */
export async function OpenCheckout({ token, ...props }: CheckoutProps & { token: string }) {
  const { view } = props;
  const { t, money, when, store } = await checkoutFormat(props);
  const { stripe, paypal } = view.providers;
  const online = Boolean(stripe || paypal);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm font-medium text-primary">{store}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="flex flex-wrap gap-x-3 text-sm text-muted-foreground">
          <span>{t.rich("orderNumber", { number: view.order.number, n: OrderNumber })}</span>
          <span>{t("validUntil", { date: when(view.expiresAt) })}</span>
        </p>
      </header>
      {/* Phones read the order first; wider screens put it beside the payment, at the end. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <OrderSummary {...props} className="lg:sticky lg:top-6 lg:col-start-2 lg:row-start-1" />
        <div className="flex flex-col gap-6 lg:col-start-1 lg:row-start-1">
          {online ? (
            <Card role="region" aria-labelledby="checkout-pay-title">
              <CardHeader className="pb-4">
                <CardTitle id="checkout-pay-title" className="text-base">
                  {t("pay.title")}
                </CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-6">
                {view.lastFailure ? (
                  <ErrorAlert title={t("lastFailure.title")}>
                    <AlertDescription>{t("lastFailure.description")}</AlertDescription>
                    {view.lastFailure.trim() ? (
                      // The provider's words, as it sent them (usually English).
                      <AlertDescription dir="auto" className="text-xs opacity-80">
                        {view.lastFailure}
                      </AlertDescription>
                    ) : null}
                  </ErrorAlert>
                ) : null}
                {stripe ? (
                  <StripePayment
                    token={token}
                    publishableKey={stripe.publishableKey}
                    amount={money(view.order.amountDue)}
                  />
                ) : null}
                {stripe && paypal ? <Divider label={t("pay.or")} /> : null}
                {paypal ? (
                  <section aria-label={t("pay.paypal")}>
                    <PayPalPayment
                      token={token}
                      clientId={paypal.clientId}
                      mode={paypal.mode}
                      currency={view.order.currency}
                    />
                  </section>
                ) : null}
              </CardContent>
            </Card>
          ) : null}
          <ManualInstructions {...props} only={!online} />
        </div>
      </div>
    </div>
  );
}

function Divider({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden>
      <span className="h-px flex-1 bg-border" />
      {label}
      <span className="h-px flex-1 bg-border" />
    </div>
  );
}
