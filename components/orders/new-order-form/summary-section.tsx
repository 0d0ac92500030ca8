"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LineAmounts } from "@/lib/orders/totals";
import type { StoreMoney } from "./estimate";

/** The estimated totals under the store's VAT rule, and the button that creates the order. */
export function SummarySection({
  store,
  itemCount,
  totals,
  discount,
  shipping,
  discountTooBig,
  money,
  major,
  maxAmount,
  pending,
}: {
  store: StoreMoney;
  itemCount: number;
  totals: LineAmounts | null;
  /** As typed, in minor units (VAT included when the store's prices include it). */
  discount: number;
  shipping: number;
  discountTooBig: boolean;
  money: (amount: number) => string;
  major: (minor: number) => number;
  maxAmount: string;
  pending: boolean;
}) {
  const t = useTranslations("orders.new");
  const format = useDisplayFormatter();
  const vatRate = format.number(store.vatRateBp / 10_000, {
    style: "percent",
    maximumFractionDigits: 2,
  });
  const amount = (minor: number | undefined) => (minor === undefined ? "—" : money(major(minor)));
  return (
    <Card className="lg:sticky lg:top-6">
      <CardHeader className="pb-4">
        <CardTitle className="text-base">{t("summary.title")}</CardTitle>
        <CardDescription>{t("summary.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl aria-live="polite" className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t("summary.items")}</dt>
          <dd className="text-end tabular-nums">{format.number(itemCount)}</dd>
          {discount ? (
            <>
              <dt className="text-muted-foreground">{t("summary.discount")}</dt>
              <dd className="text-end tabular-nums">{money(-major(discount))}</dd>
            </>
          ) : null}
          {shipping ? (
            <>
              <dt className="text-muted-foreground">{t("summary.shipping")}</dt>
              <dd className="text-end tabular-nums">{money(major(shipping))}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">{t("summary.subtotal")}</dt>
          <dd className="text-end tabular-nums">{amount(totals?.subtotal)}</dd>
          <dt className="text-muted-foreground">{t("summary.vat", { rate: vatRate })}</dt>
          <dd className="text-end tabular-nums">{amount(totals?.tax)}</dd>
          <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold">
            <dt>{t("summary.total")}</dt>
            <dd className="text-end tabular-nums">{amount(totals?.total)}</dd>
          </div>
        </dl>
        {totals ? null : discountTooBig ? (
          <p className="text-sm font-medium text-destructive">{t("errors.discountTooBig")}</p>
        ) : (
          <p className="text-sm font-medium text-destructive">
            {t("errors.totalTooBig", { max: maxAmount })}
          </p>
        )}
        <p className="text-xs text-muted-foreground">
          {store.pricesIncludeVat
            ? t("summary.includesVat", { rate: vatRate })
            : t("summary.excludesVat", { rate: vatRate })}
        </p>
        <SubmitButton
          className="w-full"
          pending={pending}
          icon={<Plus aria-hidden />}
          pendingLabel={t("creating")}
        >
          {t("create")}
        </SubmitButton>
      </CardContent>
    </Card>
  );
}
