import { useTranslations } from "next-intl";

// The list's shape while it loads: header, filters and a few table rows.
export default function ProductsLoading() {
  const t = useTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">{t("loading")}</span>
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
      <div aria-hidden className="h-20 animate-pulse rounded-xl bg-card shadow-sm" />
      <div
        aria-hidden
        className="overflow-hidden rounded-xl border border-border bg-card shadow-sm"
      >
        <div className="h-11 border-b border-border bg-muted/60" />
        {Array.from({ length: 6 }, (_, index) => (
          <div
            key={index}
            className="flex items-center gap-4 border-b border-border px-4 py-3 last:border-b-0"
          >
            <div className="size-10 shrink-0 animate-pulse rounded-md bg-muted" />
            <div className="flex flex-1 flex-col gap-2">
              <div className="h-4 w-1/3 animate-pulse rounded bg-border" />
              <div className="h-3 w-20 animate-pulse rounded bg-muted" />
            </div>
            <div className="hidden h-5 w-16 animate-pulse rounded-full bg-muted sm:block" />
            <div className="h-4 w-20 animate-pulse rounded bg-muted" />
          </div>
        ))}
      </div>
    </div>
  );
}
