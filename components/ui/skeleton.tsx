import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A page's loading placeholder, announced once to screen readers as loading; `children` are hidden shapes. */
export function LoadingStatus({ children }: { children: ReactNode }) {
  const t = useTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">{t("loading")}</span>
      {children}
    </div>
  );
}

const CARD = "animate-pulse rounded-xl bg-card shadow-sm";

/**
 * A detail or form page's shape while it loads: breadcrumb, heading, then a wide column and a side
 * column of cards. `columns` is the grid's literal Tailwind class (so Tailwind sees it); `main` and
 * `aside` are the cards' height classes.
 */
export function DetailSkeleton({
  columns,
  main,
  aside,
}: {
  columns: string;
  main: string[];
  aside: string[];
}) {
  return (
    <LoadingStatus>
      <div aria-hidden className="flex flex-col gap-3">
        <div className="h-4 w-40 animate-pulse rounded bg-muted" />
        <div className="h-8 w-64 max-w-full animate-pulse rounded-md bg-border" />
      </div>
      <div aria-hidden className={`grid items-start gap-6 ${columns}`}>
        {[main, aside].map((cards, column) => (
          <div key={column} className="flex flex-col gap-6">
            {cards.map((height, index) => (
              <div key={index} className={`${height} ${CARD}`} />
            ))}
          </div>
        ))}
      </div>
    </LoadingStatus>
  );
}
