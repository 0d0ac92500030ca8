"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Label } from "@/components/ui/label";
import {
  FilterSubmit,
  LiveFilterForm,
  LiveSearchField,
  useLiveFilters,
} from "@/components/ui/live-filters";
import { BRAND_NAMES } from "@/components/payments/brand-names";
import { NativeSelect } from "@/components/ui/native-select";
import { PAYMENT_STATUSES, PROVIDER_NAMES } from "@/lib/payments/constants";

type FilterState = { q: string; status: string; provider: string; from: string; to: string };
const FILTER_KEYS = ["q", "status", "provider", "from", "to"] as const;

interface FiltersProps {
  state: FilterState;
  /** Kept as they are when the filters change (and sent along if the form submits natively). */
  hidden: { sort: string; limit: string };
  clearHref: string;
  /** The store's time zone, named in a note: the dates are days there. */
  timeZone: string;
}

/**
 * Search and filters, all in the URL, as on the orders list: selects and dates apply at once,
 * typed text as the user pauses; without JavaScript the form submits as a GET.
 */
export function PaymentFilters({ state, hidden, clearHref, timeZone }: FiltersProps) {
  const t = useTranslations("Payments.filters");
  const tStatus = useTranslations("Payments.status");
  const tProvider = useTranslations("Payments.providers");
  const id = useId();
  const { formRef, pending, optimistic, active, apply, applyLater, onSubmit, clear } =
    useLiveFilters(FILTER_KEYS, state, clearHref);

  return (
    <LiveFilterForm ref={formRef} onSubmit={onSubmit} label={t("label")} hidden={hidden}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(4,minmax(0,1fr))]">
        <LiveSearchField
          id={`${id}-q`}
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          defaultValue={state.q}
          onType={(q) => applyLater({ q })}
          className="flex min-w-0 flex-col gap-1.5 sm:col-span-2 lg:col-span-1"
          dir="auto"
        />
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-status`}>{t("status")}</Label>
          <NativeSelect
            id={`${id}-status`}
            name="status"
            value={optimistic.status}
            onChange={(event) => apply({ status: event.currentTarget.value })}
          >
            <option value="">{t("allStatuses")}</option>
            {PAYMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-provider`}>{t("provider")}</Label>
          <NativeSelect
            id={`${id}-provider`}
            name="provider"
            value={optimistic.provider}
            onChange={(event) => apply({ provider: event.currentTarget.value })}
          >
            <option value="">{t("allProviders")}</option>
            {PROVIDER_NAMES.map((provider) => (
              <option key={provider} value={provider}>
                {provider === "manual" ? tProvider("manual") : BRAND_NAMES[provider]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-from`}>{t("from")}</Label>
          <DateField
            id={`${id}-from`}
            name="from"
            defaultValue={state.from}
            max={state.to || undefined}
            aria-describedby={`${id}-zone`}
            onValueChange={(value) => value !== null && apply({ from: value })}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-to`}>{t("to")}</Label>
          <DateField
            id={`${id}-to`}
            name="to"
            defaultValue={state.to}
            min={state.from || undefined}
            aria-describedby={`${id}-zone`}
            onValueChange={(value) => value !== null && apply({ to: value })}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-zone`} className="text-xs text-muted-foreground">
          {t("timeZoneNote", { zone: timeZone })}
        </p>
        <div className="flex items-center gap-2">
          {active ? (
            <Button type="button" variant="ghost" size="sm" onClick={clear}>
              <X aria-hidden />
              {t("clear")}
            </Button>
          ) : null}
          <FilterSubmit pending={pending} size="sm">
            {t("submit")}
          </FilterSubmit>
        </div>
      </div>
    </LiveFilterForm>
  );
}
