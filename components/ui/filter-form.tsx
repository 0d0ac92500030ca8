import type { ReactNode } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Label } from "@/components/ui/label";
import { Link } from "@/lib/admin/i18n/navigation";

/**
 * A list's filters as a plain GET form: four fields in a row, Apply, and Clear while any filter
 * is set. It works before, and without, any JavaScript.
 */
export function FilterForm({
  action,
  label,
  applyLabel,
  clear,
  note,
  children,
}: {
  /** The list's URL with the locale ("/en/settings/audit"). */
  action: string;
  /** The form's accessible name. */
  label: string;
  applyLabel: string;
  /** The unfiltered list's URL (without the locale) and its link text; null hides the link. */
  clear: { href: string; label: string } | null;
  /** A line under the fields (e.g. which time zone the dates are in). */
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className="grid gap-4 rounded-xl border border-border bg-card p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      {children}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">{applyLabel}</Button>
        {clear ? (
          <Link href={clear.href} className={buttonVariants({ variant: "ghost" })}>
            {clear.label}
          </Link>
        ) : null}
      </div>
      {note ? (
        <p className="text-xs text-muted-foreground sm:col-span-2 lg:col-span-5">{note}</p>
      ) : null}
    </form>
  );
}

/** One labelled filter control. */
export function FilterField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}

/** A from-to pair of date filters (`from`, `to`), ids `${idPrefix}-from` and `${idPrefix}-to`. */
export function DateRangeFields({
  idPrefix,
  state,
  labels,
}: {
  idPrefix: string;
  state: { from: string; to: string };
  labels: { from: string; to: string };
}) {
  return (
    <>
      <FilterField label={labels.from} htmlFor={`${idPrefix}-from`}>
        <DateField id={`${idPrefix}-from`} name="from" defaultValue={state.from} />
      </FilterField>
      <FilterField label={labels.to} htmlFor={`${idPrefix}-to`}>
        <DateField id={`${idPrefix}-to`} name="to" defaultValue={state.to} />
      </FilterField>
    </>
  );
}
