import { useTranslations } from "next-intl";

/** An order page's shape while it loads: breadcrumb, heading, a wide column and a side column. */
export function OrderSkeleton() {
  const t = useTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="flex flex-col gap-3">
        <div className="h-4 w-40 animate-pulse rounded bg-muted" />
        <div className="h-8 w-64 max-w-full animate-pulse rounded-md bg-border" />
      </div>
      <div aria-hidden className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <div className="h-72 animate-pulse rounded-xl bg-card shadow-sm" />
          <div className="h-56 animate-pulse rounded-xl bg-card shadow-sm" />
        </div>
        <div className="flex flex-col gap-6">
          <div className="h-40 animate-pulse rounded-xl bg-card shadow-sm" />
          <div className="h-64 animate-pulse rounded-xl bg-card shadow-sm" />
        </div>
      </div>
    </div>
  );
}
