import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { getCheckout } from "./_components/checkout-api";
import { OpenCheckout } from "./_components/open-checkout";
import { SettledCheckout } from "./_components/settled-checkout";

interface Props {
  params: Promise<{ locale: string; token: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const view = await getCheckout((await params).token);
  const t = await getTranslations({ locale, namespace: "Checkout" });
  return { title: t("metaTitle", { number: view.order.number }) };
}

/** The hosted checkout (issue 12, item 8): the link's token is the customer's only credential. */
export default async function CheckoutPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { token } = await params;
  const view = await getCheckout(token);
  return view.state === "open" ? (
    <OpenCheckout view={view} locale={locale} token={token} />
  ) : (
    <SettledCheckout view={view} locale={locale} />
  );
}
