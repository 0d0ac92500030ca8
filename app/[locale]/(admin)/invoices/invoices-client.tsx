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
import { NativeSelect } from "@/components/ui/native-select";
import { INVOICE_KINDS } from "@/lib/invoices/constants";

type FilterState = { q: string; kind: string; from: string; to: string };
const FILTER_KEYS = ["q", "kind", "from", "to"] as const;

/** Number, kind and dates, all in the URL; without JavaScript the form submits as a GET. */
export function InvoiceFilters({
  state,
  hidden,
  clearHref,
  timeZone,
}: {
  state: FilterState;
  hidden: { sort: string; limit: string };
  clearHref: string;
  timeZone: string;
}) {
  const t = useTranslations("Invoices.filters");
  const tKind = useTranslations("Invoices.kinds");
  const id = useId();
  const { formRef, pending, optimistic, active, apply, applyLater, onSubmit, clear } =
    useLiveFilters(FILTER_KEYS, state, clearHref);

  return (
    <LiveFilterForm ref={formRef} onSubmit={onSubmit} label={t("label")} hidden={hidden}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(3,minmax(0,1fr))]">
        <LiveSearchField
          id={`${id}-q`}
          label={t("q")}
          placeholder={t("qPlaceholder")}
          defaultValue={state.q}
          onType={(q) => applyLater({ q })}
          className="flex min-w-0 flex-col gap-1.5 sm:col-span-2 lg:col-span-1"
          dir="ltr"
        />
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-kind`}>{t("kind")}</Label>
          <NativeSelect
            id={`${id}-kind`}
            name="kind"
            value={optimistic.kind}
            onChange={(event) => apply({ kind: event.currentTarget.value })}
          >
            <option value="">{t("allKinds")}</option>
            {INVOICE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tKind(kind)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {(["from", "to"] as const).map((end) => (
          <div key={end} className="flex min-w-0 flex-col gap-1.5">
            <Label htmlFor={`${id}-${end}`}>{t(end)}</Label>
            <DateField
              id={`${id}-${end}`}
              name={end}
              defaultValue={state[end]}
              min={end === "to" ? state.from || undefined : undefined}
              max={end === "from" ? state.to || undefined : undefined}
              aria-describedby={`${id}-zone`}
              onValueChange={(value) => value !== null && apply({ [end]: value })}
            />
          </div>
        ))}
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
            {t("apply")}
          </FilterSubmit>
        </div>
      </div>
    </LiveFilterForm>
  );
}
