import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

export interface Kpi {
  label: string;
  /** Formatted already (money, a count). */
  value: string;
  /** Percent against the previous period (12.5 is +12.5 %); null when that period had nothing. */
  change: number | null;
  /** The change's size, formatted ("12.5%"); the arrow and the words give its direction. */
  changeText: string;
  /** The previous period's figure, formatted; shown small under the change. */
  previous?: string;
  /** A rise is bad news (refunds): the colours swap, the arrows keep pointing the way it went. */
  inverted?: boolean;
}

/**
 * One figure with its change against the previous period: an arrow and the percent, green when
 * it is good news and red when it is bad, always with the same in words for screen readers.
 */
export function KpiCard({ kpi, className }: { kpi: Kpi; className?: string }) {
  return (
    <div
      className={cn(
        "flex min-w-0 flex-col gap-2 rounded-xl border border-border bg-card p-4 shadow-sm sm:p-5",
        className,
      )}
    >
      <dt className="text-sm text-muted-foreground">{kpi.label}</dt>
      <dd className="flex flex-col gap-1.5">
        <span className="text-xl font-semibold tracking-tight tabular-nums [overflow-wrap:anywhere] sm:text-2xl">
          {kpi.value}
        </span>
        <Change change={kpi.change} pct={kpi.changeText} inverted={kpi.inverted} />
        {kpi.previous ? <Previous value={kpi.previous} /> : null}
      </dd>
    </div>
  );
}

function Previous({ value }: { value: string }) {
  const t = useTranslations("Analytics.kpis");
  return <span className="text-xs text-muted-foreground">{t("previous", { value })}</span>;
}

function Change({
  change,
  pct,
  inverted = false,
}: {
  change: number | null;
  pct: string;
  inverted?: boolean;
}) {
  const t = useTranslations("Analytics.kpis.change");
  if (change === null) {
    return (
      <span className="text-sm text-muted-foreground">
        <span aria-hidden>—</span>
        <span className="sr-only">{t("none")}</span>
      </span>
    );
  }
  if (change === 0) {
    return (
      <span className="text-sm text-muted-foreground">
        <span aria-hidden>{pct}</span>
        <span className="sr-only">{t("same")}</span>
      </span>
    );
  }
  const up = change > 0;
  const good = up !== inverted;
  const Arrow = up ? ArrowUp : ArrowDown;
  return (
    <span
      data-trend={up ? "up" : "down"}
      className={cn(
        "inline-flex w-fit items-center gap-1 rounded-full px-2 py-0.5 text-sm font-medium",
        good
          ? "bg-success-soft text-success-soft-foreground"
          : "bg-destructive-soft text-destructive-soft-foreground",
      )}
    >
      <Arrow aria-hidden className="size-3.5" />
      <span aria-hidden className="tabular-nums">
        {pct}
      </span>
      <span className="sr-only">{t(up ? "up" : "down", { pct })}</span>
    </span>
  );
}

/** Figures side by side (a description list: each label with its value); `className` sets columns. */
export function KpiGrid({ kpis, className }: { kpis: Kpi[]; className?: string }) {
  return (
    <dl className={cn("grid gap-3 sm:gap-4", className)}>
      {kpis.map((kpi) => (
        <KpiCard key={kpi.label} kpi={kpi} />
      ))}
    </dl>
  );
}
