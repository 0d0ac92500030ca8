import { Link2 } from "lucide-react";
import { getTranslations } from "next-intl/server";
import {
  CheckoutLinkPanel,
  type CheckoutLinkView,
} from "@/components/payments/checkout-link-panel";
import { StoreApiError, type BrainSAITStore, type CheckoutLink } from "@/lib/sdk";
import { createCheckoutLink, revokeCheckoutLink } from "../../../payments/actions";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

/** The order's checkout link, or null when it has none (or the role may not see it). */
export async function orderCheckoutLink(
  store: BrainSAITStore,
  orderId: string,
): Promise<CheckoutLink | null> {
  try {
    return await store.payments.checkoutLink(orderId);
  } catch (error) {
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 403))
      return null;
    throw error;
  }
}

/** The hosted checkout link card: shown while the order waits for payment, or a link exists. */
export async function CheckoutLinkCard({
  link,
  canWrite,
  ...props
}: OrderCardProps & { link: CheckoutLink | null; canWrite: boolean }) {
  const { order, locale } = props;
  const payable = order.status === "pending";
  if (!payable && !link) return null;
  const { when } = await orderFormat(props);
  const t = await getTranslations({ locale, namespace: "Payments.checkoutLink" });
  const view: CheckoutLinkView | null = link
    ? {
        url: link.url,
        expires: when(link.expiresAt),
        expired: new Date(link.expiresAt) <= new Date(),
      }
    : null;
  return (
    <OrderCard icon={Link2} title={t("title")} description={t("description")}>
      <CheckoutLinkPanel
        link={view}
        payable={payable}
        canWrite={canWrite}
        onCreate={createCheckoutLink.bind(null, locale, order.id)}
        onRevoke={revokeCheckoutLink.bind(null, locale, order.id)}
      />
    </OrderCard>
  );
}
