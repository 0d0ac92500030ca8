import { checkoutFormat, type CheckoutProps } from "./checkout-format";
import { OrderNumber } from "./order-number";
import { OrderSummary } from "./order-summary";
import { StatusPanel } from "./status-panel";

/**
 * The page of a link with nothing left to pay: the receipt once paid, else why the link no longer
 * takes payment (order cancelled, link expired or revoked). Null while the link is open.
 */
export async function SettledCheckout(props: CheckoutProps) {
  const { view } = props;
  const { t, store } = await checkoutFormat(props);
  const values = { store, number: view.order.number, n: OrderNumber };
  switch (view.state) {
    case "open":
      return null;
    case "paid":
      return (
        <div className="flex flex-col gap-6">
          <StatusPanel
            tone="success"
            title={t("states.paid.title")}
            description={
              <>
                <p>{t.rich("states.paid.description", values)}</p>
                <p className="mt-1">{t("states.paid.keep")}</p>
              </>
            }
          />
          <OrderSummary {...props} paid />
        </div>
      );
    case "cancelled":
    case "revoked":
      return (
        <StatusPanel
          tone="closed"
          title={t(`states.${view.state}.title`)}
          description={t.rich(`states.${view.state}.description`, values)}
        />
      );
    case "expired":
      return (
        <StatusPanel
          tone="expired"
          title={t("states.expired.title")}
          description={t.rich("states.expired.description", values)}
        />
      );
  }
}
