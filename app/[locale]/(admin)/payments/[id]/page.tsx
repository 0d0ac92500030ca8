import { CircleAlert } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canRefund } from "@/components/payments/permissions";
import { RefundAction } from "@/components/payments/refund-dialog";
import { PaymentStatusBadge } from "@/components/payments/status-badge";
import { storeTimeZone } from "@/components/settings/format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError, type PaymentDetail } from "@/lib/sdk";
import { refundPayment } from "../actions";
import { AmountsCard } from "./_components/amounts-card";
import { DetailsCard } from "./_components/details-card";
import { HistoryCard } from "./_components/history-card";
import { paymentFormat, refundableOf } from "./_components/payment-format";
import { RefundsCard } from "./_components/refunds-card";

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Payments.metadata" });
  return { title: t("detail") };
}

/** Statuses whose captured money can go back to the customer. */
const REFUNDABLE = ["completed", "partially_refunded"];

export default async function PaymentPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const { session, me } = await requireMe(locale);

  let payment: PaymentDetail;
  try {
    payment = await sessionStore(session).payments.get(id);
  } catch (error) {
    // 422: an id the API refuses outright names no record either.
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }

  const timeZone = storeTimeZone(me.tenant.timeZone);
  const card = { payment, locale, timeZone };
  const { t, money, when } = await paymentFormat(card);
  const refundable = REFUNDABLE.includes(payment.status) ? refundableOf(payment) : 0;
  const mayRefund = canRefund(me.user.role);
  const amount = money(payment.amount);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        parent={{ href: "/payments", label: t("list.title") }}
        title={t("detail.title", { amount })}
        crumb={<span className="tabular-nums">{amount}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PaymentStatusBadge status={payment.status} />
            <span>{t("detail.created", { date: when(payment.createdAt) })}</span>
          </span>
        }
      />

      {payment.failure?.message || payment.failure?.code ? (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertTitle>{t("detail.failureTitle")}</AlertTitle>
          {payment.failure.message ? (
            <AlertDescription dir="ltr" lang="en" className="text-start">
              {payment.failure.message}
            </AlertDescription>
          ) : null}
          {payment.failure.code ? (
            <AlertDescription className="text-xs">
              {t.rich("detail.failureCode", {
                code: payment.failure.code,
                c: (chunks) => (
                  <code dir="ltr" className="font-mono">
                    {chunks}
                  </code>
                ),
              })}
            </AlertDescription>
          ) : null}
        </Alert>
      ) : null}

      {refundable > 0 || mayRefund ? (
        <section aria-labelledby="payment-actions-title" className="flex flex-col gap-2">
          <h2 id="payment-actions-title" className="sr-only">
            {t("detail.actions")}
          </h2>
          {mayRefund ? (
            <RefundAction
              currency={payment.currency}
              refundable={refundable}
              onRefund={refundPayment.bind(null, locale, payment.id)}
            />
          ) : (
            <p className="text-sm text-muted-foreground">{t("refund.ownersOnly")}</p>
          )}
        </section>
      ) : null}

      <AmountsCard {...card} />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <RefundsCard {...card} />
          <HistoryCard {...card} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <DetailsCard {...card} />
        </div>
      </div>
    </div>
  );
}
