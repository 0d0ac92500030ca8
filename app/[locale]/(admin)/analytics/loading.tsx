import { LoadingStatus } from "@/components/ui/skeleton";

const BLOCK = "animate-pulse rounded-xl bg-card shadow-sm";

// The dashboard's shape while it loads: heading, range picker, figures, the chart, four cards.
export default function AnalyticsLoading() {
  return (
    <LoadingStatus>
      <div aria-hidden className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-2">
          <div className="h-8 w-40 animate-pulse rounded-md bg-border" />
          <div className="h-4 w-96 max-w-full animate-pulse rounded-md bg-muted" />
        </div>
        <div className="h-9 w-32 animate-pulse rounded-md bg-muted" />
      </div>
      <div aria-hidden className={`h-40 sm:h-32 ${BLOCK}`} />
      <div aria-hidden className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className={`h-32 ${BLOCK}`} />
        ))}
      </div>
      <div aria-hidden className={`h-96 ${BLOCK}`} />
      <div aria-hidden className="grid gap-6 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className={`h-64 ${BLOCK}`} />
        ))}
      </div>
    </LoadingStatus>
  );
}
