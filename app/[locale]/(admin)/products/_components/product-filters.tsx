"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import {
  FilterSubmit,
  LiveFilterForm,
  LiveSearchField,
  useLiveFilters,
} from "@/components/ui/live-filters";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";

const FILTER_KEYS = ["q", "status", "category"] as const;
const STATUSES = ["active", "draft", "archived"] as const;

interface FiltersProps {
  state: Record<(typeof FILTER_KEYS)[number], string>;
  /** Kept as they are when the filters change (and sent along if the form submits natively). */
  hidden: { sort: string; limit: string };
  /** The store's categories: the value products carry, labelled in the page's language. */
  categories: { value: string; label: string }[];
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
  const { formRef, pending, optimistic, active, apply, applyLater, onSubmit, clear } =
    useLiveFilters(FILTER_KEYS, state, clearHref);

  // A category from the URL that no product uses any more stays selectable.
  const categoryOptions =
    state.category && !categories.some((c) => c.value === state.category)
      ? [...categories, { value: state.category, label: state.category }]
      : categories;

  return (
    <LiveFilterForm
      ref={formRef}
      onSubmit={onSubmit}
      label={t("label")}
      hidden={hidden}
      className="sm:flex-row sm:flex-wrap sm:items-end"
    >
      <LiveSearchField
        id={`${id}-q`}
        label={t("search")}
        placeholder={t("searchPlaceholder")}
        defaultValue={state.q}
        onType={(q) => applyLater({ q })}
        className="flex min-w-0 flex-1 flex-col gap-1.5 sm:min-w-64"
      />
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
        options={[{ value: "", label: t("allCategories") }, ...categoryOptions]}
      />
      <div className="flex items-center gap-2">
        <FilterSubmit pending={pending}>{t("submit")}</FilterSubmit>
        {active ? (
          <Button type="button" variant="ghost" onClick={clear}>
            <X aria-hidden />
            {t("clear")}
          </Button>
        ) : null}
      </div>
    </LiveFilterForm>
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
