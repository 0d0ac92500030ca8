import { ListSkeleton } from "@/components/ui/list-skeleton";

// The list's shape while it loads: header, filters and a few table rows.
export default function ProductsLoading() {
  return (
    <ListSkeleton
      rows={6}
      row={
        <>
          <div className="size-10 shrink-0 animate-pulse rounded-md bg-muted" />
          <div className="flex flex-1 flex-col gap-2">
            <div className="h-4 w-1/3 animate-pulse rounded bg-border" />
            <div className="h-3 w-20 animate-pulse rounded bg-muted" />
          </div>
          <div className="hidden h-5 w-16 animate-pulse rounded-full bg-muted sm:block" />
          <div className="h-4 w-20 animate-pulse rounded bg-muted" />
        </>
      }
    />
  );
}
