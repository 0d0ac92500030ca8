"use client";

import { Loader2, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useOptimistic, useRef, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";
import { usePathname, useRouter } from "@/lib/admin/i18n/navigation";

const SEARCH_DELAY_MS = 350;
const STATUSES = ["active", "draft", "archived"] as const;

interface FiltersProps {
  state: { q: string; status: string; category: string };
  /** Kept as they are when the filters change (and sent along if the form submits natively). */
  hidden: { sort: string; limit: string };
  categories: string[];
  clearHref: string;
}

/**
 * Search and filters, all in the URL. Without JavaScript the form submits as a GET; with it,
 * selects apply at once and the search applies as the user pauses typing.
 */
export function ProductFilters({ state, hidden, categories, clearHref }: FiltersProps) {
  const t = useTranslations("products.filters");
  const tStatus = useTranslations("products.status");
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [pending, startTransition] = useTransition();
  // The selects show the new choice while the page loads, not the old one.
  const [optimistic, setOptimistic] = useOptimistic(state);
  const active = Boolean(state.q || state.status || state.category);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(changes: Partial<FiltersProps["state"]>) {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const query = new URLSearchParams();
    const values: Record<string, FormDataEntryValue | undefined> = {
      ...Object.fromEntries(new FormData(form)),
      ...changes,
    };
    for (const key of ["q", "status", "category", "sort", "limit"] as const) {
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({});
  }

  function clear() {
    if (inputRef.current) inputRef.current.value = "";
    clearTimeout(timer.current);
    startTransition(() => {
      setOptimistic({ q: "", status: "", category: "" });
      router.replace(clearHref, { scroll: false });
    });
  }

  // A category from the URL that no product uses any more stays selectable.
  const categoryOptions = [...new Set([...categories, state.category].filter(Boolean))];

  return (
    <form
      ref={formRef}
      role="search"
      aria-label={t("label")}
      method="get"
      onSubmit={onSubmit}
      className="flex flex-col gap-3 rounded-xl border border-border bg-card p-3 shadow-sm sm:flex-row sm:flex-wrap sm:items-end"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:min-w-64">
        <Label htmlFor={`${id}-q`}>{t("search")}</Label>
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            ref={inputRef}
            id={`${id}-q`}
            type="search"
            name="q"
            defaultValue={state.q}
            placeholder={t("searchPlaceholder")}
            maxLength={200}
            autoComplete="off"
            className="ps-9"
            onChange={(event) => {
              clearTimeout(timer.current);
              const value = event.currentTarget.value;
              timer.current = setTimeout(() => apply({ q: value }), SEARCH_DELAY_MS);
            }}
          />
        </div>
      </div>
      <FilterSelect
        id={`${id}-status`}
        name="status"
        label={t("status")}
        value={optimistic.status}
        onChange={(status) => apply({ status })}
        className="sm:w-44"
        options={[
          { value: "", label: t("allStatuses") },
          ...STATUSES.map((status) => ({ value: status, label: tStatus(status) })),
        ]}
      />
      <FilterSelect
        id={`${id}-category`}
        name="category"
        label={t("category")}
        value={optimistic.category}
        onChange={(category) => apply({ category })}
        className="sm:w-52"
        options={[
          { value: "", label: t("allCategories") },
          ...categoryOptions.map((category) => ({ value: category, label: category })),
        ]}
      />
      {hidden.sort ? <input type="hidden" name="sort" value={hidden.sort} /> : null}
      {hidden.limit ? <input type="hidden" name="limit" value={hidden.limit} /> : null}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" aria-busy={pending}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <Search aria-hidden />}
          {t("submit")}
        </Button>
        {active ? (
          <Button type="button" variant="ghost" onClick={clear}>
            <X aria-hidden />
            {t("clear")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  onChange,
  options,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  className: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
