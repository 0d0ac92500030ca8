import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A card that scrolls sideways on narrow screens, around a plain <table>. */
export function DataTable({
  caption,
  minWidth = "min-w-[44rem]",
  className,
  children,
  ...props
}: ComponentProps<"table"> & { caption: string; minWidth?: string }) {
  return (
    // Focusable and labelled so keyboard users can scroll it (axe: scrollable-region-focusable).
    // `relative` keeps sr-only text in far columns inside the scroller, not widening the page.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-xl border border-border bg-card shadow-sm"
    >
      <table className={cn("w-full border-collapse text-sm", minWidth, className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead
      className={cn("border-b border-border bg-muted/60 text-xs text-muted-foreground", className)}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-border", className)} {...props} />;
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn(
        "px-3 py-3 text-start font-medium whitespace-nowrap first:ps-4 last:pe-4",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-3 align-top first:ps-4 last:pe-4", className)} {...props} />;
}
