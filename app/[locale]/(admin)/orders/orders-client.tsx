"use client";

import { Loader2, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useOptimistic, useRef, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { usePathname, useRouter } from "@/lib/admin/i18n/navigation";
import { ORDER_STATUSES } from "@/lib/orders/constants";

const TYPING_DELAY_MS = 350;

type FilterState = { q: string; status: string; source: string; from: string; to: string };
const FILTER_KEYS = ["q", "status", "source", "from", "to"] as const;

interface FiltersProps {
  state: FilterState;
  /** Kept as they are when the filters change (and sent along if the form submits natively). */
  hidden: { sort: string; limit: string };
  /** Sources to suggest, with their labels in the page's language. */
  sources: { value: string; label: string }[];
  clearHref: string;
  /** The store's time zone, named in a note: the dates are days there. */
  timeZone: string;
}

/**
 * Search and filters, all in the URL. Without JavaScript the form submits as a GET; with it,
 * selects and dates apply at once and typed text applies as the user pauses.
 */
export function OrderFilters({ state, hidden, sources, clearHref, timeZone }: FiltersProps) {
  const t = useTranslations("orders.filters");
  const tStatus = useTranslations("orders.status");
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  // The select shows the new choice while the page loads, not the old one.
  const [optimistic, setOptimistic] = useOptimistic(state);
  const active = FILTER_KEYS.some((key) => state[key]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(changes: Partial<FilterState>) {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const values: Record<string, FormDataEntryValue | undefined> = {
      ...Object.fromEntries(new FormData(form)),
      ...changes,
    };
    const query = new URLSearchParams();
    for (const key of [...FILTER_KEYS, "sort", "limit"] as const) {
      const value = String(values[key] ?? "").trim();
      if (value) query.set(key, value);
    }
    // New filters start again on page 1 (page is simply left out).
    const search = query.toString();
    if (search === new URLSearchParams(searchParams).toString()) return;
    startTransition(() => {
      setOptimistic({ ...optimistic, ...changes });
      router.replace(`${pathname}${search ? `?${search}` : ""}`, { scroll: false });
    });
  }

  function applyLater(changes: Partial<FilterState>) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(changes), TYPING_DELAY_MS);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({});
  }

  function clear() {
    clearTimeout(timer.current);
    for (const element of Array.from(formRef.current?.elements ?? [])) {
      if (element instanceof HTMLInputElement && element.type !== "hidden") element.value = "";
    }
    startTransition(() => {
      setOptimistic({ q: "", status: "", source: "", from: "", to: "" });
      router.replace(clearHref, { scroll: false });
    });
  }

  return (
    <form
      ref={formRef}
      role="search"
      aria-label={t("label")}
      method="get"
      onSubmit={onSubmit}
      className="flex flex-col gap-3 rounded-xl border border-border bg-card p-3 shadow-sm"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(4,minmax(0,1fr))]">
        <div className="flex min-w-0 flex-col gap-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor={`${id}-q`}>{t("search")}</Label>
          <div className="relative">
            <Search
              aria-hidden
              className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id={`${id}-q`}
              type="search"
              name="q"
              defaultValue={state.q}
              placeholder={t("searchPlaceholder")}
              maxLength={200}
              autoComplete="off"
              dir="auto"
              className="ps-9"
              onChange={(event) => applyLater({ q: event.currentTarget.value })}
            />
          </div>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-status`}>{t("status")}</Label>
          <NativeSelect
            id={`${id}-status`}
            name="status"
            value={optimistic.status}
            onChange={(event) => apply({ status: event.currentTarget.value })}
          >
            <option value="">{t("allStatuses")}</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-source`}>{t("source")}</Label>
          <Input
            id={`${id}-source`}
            name="source"
            list={`${id}-sources`}
            defaultValue={state.source}
            placeholder={t("anySource")}
            maxLength={40}
            autoComplete="off"
            dir="ltr"
            aria-describedby={`${id}-source-hint`}
            onChange={(event) => applyLater({ source: event.currentTarget.value })}
          />
          <datalist id={`${id}-sources`}>
            {sources.map((source) => (
              <option key={source.value} value={source.value} label={source.label} />
            ))}
          </datalist>
          <span id={`${id}-source-hint`} className="sr-only">
            {t("sourceHint")}
          </span>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-from`}>{t("from")}</Label>
          <Input
            id={`${id}-from`}
            type="date"
            name="from"
            defaultValue={state.from}
            max={state.to || undefined}
            aria-describedby={`${id}-zone`}
            onChange={(event) => apply({ from: event.currentTarget.value })}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor={`${id}-to`}>{t("to")}</Label>
          <Input
            id={`${id}-to`}
            type="date"
            name="to"
            defaultValue={state.to}
            min={state.from || undefined}
            aria-describedby={`${id}-zone`}
            onChange={(event) => apply({ to: event.currentTarget.value })}
          />
        </div>
      </div>
      {hidden.sort ? <input type="hidden" name="sort" value={hidden.sort} /> : null}
      {hidden.limit ? <input type="hidden" name="limit" value={hidden.limit} /> : null}
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
          <Button type="submit" variant="secondary" size="sm" aria-busy={pending}>
            {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Search aria-hidden />}
            {t("submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}
