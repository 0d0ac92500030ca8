import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A list's phone layout: one card per row, shown below `sm` where a table's columns would sit
 * off-screen (in RTL the last ones are past the left edge). Pair it with a table wrapped in
 * `hidden sm:block`; every action the table row offers belongs on the card too.
 */
export function CardList({
  label,
  className,
  ...props
}: Omit<ComponentProps<"ul">, "aria-label"> & { label: string }) {
  return (
    <ul
      aria-label={label}
      className={cn(
        "flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card shadow-sm sm:hidden",
        className,
      )}
      {...props}
    />
  );
}

export function CardListItem({ className, ...props }: ComponentProps<"li">) {
  return <li className={cn("flex min-w-0 flex-col gap-1.5 p-4", className)} {...props} />;
}

/** A line of the card with something at its start and something at its end (title and status). */
export function CardLine({ className, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("flex min-w-0 items-center justify-between gap-3", className)} {...props} />
  );
}

/** The card's small print: items separated by middle dots. */
export function CardMeta({ items, className }: { items: ReactNode[]; className?: string }) {
  const shown = items.filter((item) => item !== null && item !== undefined && item !== false);
  return (
    <p className={cn("flex flex-wrap gap-x-2 text-xs text-muted-foreground", className)}>
      {shown.map((item, i) => (
        <span key={i} className="contents">
          {i > 0 ? <span aria-hidden>·</span> : null}
          {item}
        </span>
      ))}
    </p>
  );
}

/** Wraps the desktop table so it gives way to the cards on a phone. */
export function WideOnly({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("hidden sm:block", className)} {...props} />;
}

/** Labelled values on a card (a table's column headings become the labels). */
export function CardFields({
  fields,
  className,
}: {
  fields: { label: string; value: ReactNode }[];
  className?: string;
}) {
  return (
    <dl className={cn("grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm", className)}>
      {fields.map(({ label, value }) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
