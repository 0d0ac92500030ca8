import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { AutoRefresh } from "../_components/auto-refresh";
import { refreshCheckout } from "../_components/checkout-api";
import { checkoutFormat } from "../_components/checkout-format";
import { SettledCheckout } from "../_components/settled-checkout";
import { StatusPanel } from "../_components/status-panel";

interface Props {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const view = await refreshCheckout((await params).token);
  const t = await getTranslations({ locale, namespace: "Checkout" });
  return { title: t("metaTitle", { number: view.order.number }) };
}

/**
 * Where Stripe sends the customer back after 3-D Secure (`?payment_intent=…&redirect_status=…`).
 * The outcome is what Stripe says now (the API re-reads the payment), not what the URL claims.
 */
export default async function CheckoutReturnPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { token } = await params;
  const view = await refreshCheckout(token);
  if (view.state !== "open") return <SettledCheckout view={view} locale={locale} />;

  const { t, store } = await checkoutFormat({ view, locale });
  const status = (await searchParams).redirect_status;
  const failed = status === "failed" || (status !== "succeeded" && status !== "processing");
  return (
    <div className="mx-auto max-w-xl">
      {failed ? (
        <StatusPanel
          tone="failed"
          title={t("return.failedTitle")}
          description={t("return.failedDescription")}
        >
          <Link href={`/pay/${encodeURIComponent(token)}`} className={buttonVariants()}>
            {t("return.retry")}
          </Link>
        </StatusPanel>
      ) : (
        <StatusPanel
          tone="pending"
          title={t("return.processingTitle")}
          description={t("return.processingDescription")}
        >
          <AutoRefresh store={store} />
        </StatusPanel>
      )}
    </div>
  );
}
