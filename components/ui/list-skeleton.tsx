import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { LoadingStatus } from "./skeleton";

/**
 * A list page's shape while it loads: heading and actions, the filter card, then `rows` table
 * rows whose cells `row` draws.
 */
export function ListSkeleton({
  rows,
  row,
  filtersClassName = "h-20",
  rowClassName = "py-3",
}: {
  rows: number;
  row: ReactNode;
  filtersClassName?: string;
  rowClassName?: string;
}) {
  return (
    <LoadingStatus>
      <div aria-hidden className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-2">
          <div className="h-8 w-40 animate-pulse rounded-md bg-border" />
          <div className="h-4 w-72 max-w-full animate-pulse rounded-md bg-muted" />
        </div>
        <div className="flex gap-2">
          <div className="h-9 w-28 animate-pulse rounded-md bg-muted" />
          <div className="h-9 w-32 animate-pulse rounded-md bg-border" />
        </div>
      </div>
      <div
        aria-hidden
        className={cn("animate-pulse rounded-xl bg-card shadow-sm", filtersClassName)}
      />
      <div
        aria-hidden
        className="overflow-hidden rounded-xl border border-border bg-card shadow-sm"
      >
        <div className="h-11 border-b border-border bg-muted/60" />
        {Array.from({ length: rows }, (_, index) => (
          <div
            key={index}
            className={cn(
              "flex items-center gap-4 border-b border-border px-4 last:border-b-0",
              rowClassName,
            )}
          >
            {row}
          </div>
        ))}
      </div>
    </LoadingStatus>
  );
}
