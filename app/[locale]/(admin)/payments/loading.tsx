import { ListSkeleton } from "@/components/ui/list-skeleton";

// The list's shape while it loads: header, filters and rows (amount, status, provider, order, date).
export default function PaymentsLoading() {
  return (
    <ListSkeleton
      rows={8}
      filtersClassName="h-32 lg:h-24"
      rowClassName="py-3.5"
      row={
        <>
          <div className="h-4 w-24 animate-pulse rounded bg-border" />
          <div className="h-5 w-20 animate-pulse rounded-full bg-muted" />
          <div className="flex flex-1 flex-col gap-2">
            <div className="h-4 w-1/4 animate-pulse rounded bg-muted" />
          </div>
          <div className="hidden h-4 w-32 animate-pulse rounded bg-muted sm:block" />
          <div className="hidden h-4 w-28 animate-pulse rounded bg-muted sm:block" />
        </>
      }
    />
  );
}
