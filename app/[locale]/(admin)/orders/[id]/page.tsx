import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrderDetailsForm } from "@/components/orders/order-details-form";
import { OrderPageHeader } from "@/components/orders/order-page-header";
import { OrderStatusActions } from "@/components/orders/order-status-actions";
import { canWriteOrders, nextStatuses } from "@/components/orders/permissions";
import { canRecordPayments } from "@/components/payments/permissions";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { storeTimeZone } from "@/components/settings/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError, type OrderWithTimeline } from "@/lib/sdk";
import { fulfilOrder, updateOrderDetails, updateOrderStatus } from "../actions";
import { orderFormat } from "./_components/order-card";
import { OrderItemsCard } from "./_components/order-items-card";
import { CheckoutLinkCard, orderCheckoutLink } from "./_components/checkout-link-card";
import { OrderPaymentsCard, orderPayments } from "./_components/order-payments-card";
import { OrderInvoicesCard, orderInvoices } from "./_components/order-invoices-card";
import { DeliveryCard, OriginCard } from "./_components/order-side-cards";
import { OrderTimeline } from "./_components/order-timeline";
import { DropSearchParams } from "@/components/admin/drop-search-params";

interface Props {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "orders.metadata" });
  return { title: t("detail") };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const { session, me } = await requireMe(locale);
  const store = sessionStore(session);

  let order: OrderWithTimeline;
  try {
    order = await store.orders.get(id);
  } catch (error) {
    // 422: an id the API refuses outright (e.g. NUL in an edited URL) names no record either.
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }

  const [payments, checkoutLink, invoices] = await Promise.all([
    orderPayments(store, order.id),
    orderCheckoutLink(store, order.id),
    orderInvoices(store, order.id),
  ]);
  const created = (await searchParams).created === "1";
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const { t, money, when } = await orderFormat({ order, locale, timeZone });
  const role = me.user.role;
  const canWrite = canWriteOrders(role);
  const canPay = canRecordPayments(role);
  const card = { order, locale, timeZone };
  const number = <bdi dir="ltr">{order.number}</bdi>;

  return (
    <div className="flex flex-col gap-6">
      <OrderPageHeader
        title={t.rich("detail.title", {
          number: order.number,
          n: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
        })}
        crumb={number}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <OrderStatusBadge status={order.status} />
            <span>{t("detail.placed", { date: when(order.createdAt) })}</span>
          </span>
        }
      />

      {created ? (
        <Alert variant="success" role="status">
          <CircleCheck aria-hidden />
          <AlertDescription>{t("detail.created")}</AlertDescription>
          <DropSearchParams names={["created"]} />
        </Alert>
      ) : null}

      <section aria-labelledby="order-actions-title" className="flex flex-col gap-2">
        <h2 id="order-actions-title" className="sr-only">
          {t("actions.title")}
        </h2>
        <OrderStatusActions
          number={order.number}
          total={money(order.total)}
          status={order.status}
          next={nextStatuses(order.status, role)}
          canWrite={canWrite}
          onChange={updateOrderStatus.bind(null, locale, order.id)}
          onFulfil={fulfilOrder.bind(null, locale, order.id)}
        />
      </section>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <OrderItemsCard order={order} locale={locale} timeZone={timeZone} />
          <OrderTimeline order={order} locale={locale} timeZone={timeZone} />
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <DeliveryCard {...card} />
          <OrderPaymentsCard {...card} payments={payments} canRecord={canPay} />
          <CheckoutLinkCard {...card} link={checkoutLink} canWrite={canPay} />
          <OrderInvoicesCard {...card} invoices={invoices} canWrite={canWrite} />
          <Card>
            <CardHeader className="pb-4">
              <CardTitle className="text-base">{t("details.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <OrderDetailsForm
                defaultValues={{
                  customerEmail: order.customerEmail ?? "",
                  customerName: order.customerName ?? "",
                  customerPhone: order.customerPhone ?? "",
                  notes: order.notes ?? "",
                }}
                readOnly={!canWrite}
                onSubmit={updateOrderDetails.bind(null, locale, order.id)}
              />
            </CardContent>
          </Card>
          <OriginCard order={order} locale={locale} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}
