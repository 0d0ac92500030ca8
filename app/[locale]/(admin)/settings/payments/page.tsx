import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess, SectionHeader } from "@/components/settings/parts";
import { openSettingsPage } from "@/components/settings/settings-page";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { ManualCard } from "./_components/manual-card";
import { PayPalCard } from "./_components/paypal-card";
import { StripeCard } from "./_components/stripe-card";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "PaymentSettings" });
  return { title: t("title") };
}

/** Stripe, PayPal and manual payments. The API never returns a saved secret, only its mask. */
export default async function PaymentSettingsPage({ params }: Props) {
  const page = await openSettingsPage(params, "settings:write");
  if (!page) return <NoAccess />;
  const { store, format, timeZone } = page;
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "PaymentSettings" });
  const { stripe, paypal, manual } = await store.payments.settings();
  const updated = (iso: string | null) =>
    iso
      ? t("updated", {
          date: format.dateTime(new Date(iso), {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone,
          }),
        })
      : null;

  return (
    <section className="flex flex-col gap-5" aria-labelledby="payments-title">
      <SectionHeader id="payments-title" title={t("title")} description={t("description")} />
      <StripeCard stripe={{ ...stripe, updated: updated(stripe.updatedAt) }} />
      <PayPalCard paypal={{ ...paypal, updated: updated(paypal.updatedAt) }} />
      <ManualCard manual={manual} />
    </section>
  );
}
