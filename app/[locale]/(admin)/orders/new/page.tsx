import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewOrderForm } from "@/components/orders/new-order-form";
import { OrderPageHeader } from "@/components/orders/order-page-header";
import { canWriteOrders } from "@/components/orders/permissions";
import { PermissionNotice } from "@/components/ui/permission-notice";
import { requireMe } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { createOrder, searchProducts } from "../actions";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "orders.metadata" });
  return { title: t("new") };
}

export default async function NewOrderPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { me } = await requireMe(locale);
  const t = await getTranslations({ locale, namespace: "orders" });
  const header = <OrderPageHeader title={t("metadata.new")} description={t("new.description")} />;

  if (!canWriteOrders(me.user.role)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <PermissionNotice>{t("errors.permission")}</PermissionNotice>
      </div>
    );
  }

  // The first page of products comes with the page, so the picker is useful before any typing.
  const initial = await searchProducts(locale, "");

  return (
    <div className="flex flex-col gap-6">
      {header}
      <NewOrderForm
        store={{
          currency: me.tenant.currency,
          // Basis points, as lib/orders/totals.ts computes them.
          vatRateBp: Math.round(me.tenant.vatRate * 100),
          pricesIncludeVat: me.tenant.pricesIncludeVat,
        }}
        initialProducts={initial.ok ? initial.data : []}
        searchProducts={searchProducts.bind(null, locale)}
        onSubmit={createOrder.bind(null, locale)}
      />
    </div>
  );
}
