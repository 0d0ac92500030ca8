import { ListSkeleton } from "@/components/ui/list-skeleton";

// The list's shape while it loads: header, filters and rows (number, date, customer, total, status).
export default function OrdersLoading() {
  return (
    <ListSkeleton
      rows={8}
      filtersClassName="h-32 lg:h-24"
      rowClassName="py-3.5"
      row={
        <>
          <div className="h-4 w-32 animate-pulse rounded bg-border" />
          <div className="hidden h-4 w-28 animate-pulse rounded bg-muted sm:block" />
          <div className="flex flex-1 flex-col gap-2">
            <div className="h-4 w-1/3 animate-pulse rounded bg-muted" />
          </div>
          <div className="h-4 w-20 animate-pulse rounded bg-muted" />
          <div className="h-5 w-20 animate-pulse rounded-full bg-muted" />
        </>
      }
    />
  );
}
