import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Label } from "@/components/ui/label";
import { Link } from "@/lib/admin/i18n/navigation";
import { cn } from "@/lib/cn";

export interface RangeChoice {
  /** The preset's key under Analytics.range.presets. */
  preset: "today" | "7d" | "30d" | "month" | "last_month" | "year";
  /** The dashboard's path with this range's query, without the locale. */
  href: string;
}

/**
 * The dashboard's range: presets as links (the range lives in the URL, so a view can be shared or
 * reloaded) and a custom from-to as a plain GET form that works before any JavaScript.
 */
export function RangePicker({
  action,
  choices,
  current,
  start,
  end,
  max,
  note,
}: {
  /** The dashboard's URL with the locale, for the custom range's form. */
  action: string;
  choices: RangeChoice[];
  current: RangeChoice["preset"] | "custom";
  start: string;
  end: string;
  /** Today in the store's time zone: the latest day the form offers. */
  max: string;
  note: string;
}) {
  const t = useTranslations("Analytics.range");
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="sr-only">
        {t("label")}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {choices.map((choice) => {
          const active = choice.preset === current;
          return (
            <li key={choice.preset}>
              <Link
                href={choice.href}
                aria-current={active ? "true" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-full border px-3 text-sm font-medium transition-colors",
                  active
                    ? "border-primary bg-primary text-primary-foreground"
                    : "border-border text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                {t(`presets.${choice.preset}`)}
              </Link>
            </li>
          );
        })}
      </ul>
      <form
        method="get"
        action={action}
        aria-label={t("custom")}
        className="flex flex-wrap items-end gap-3"
      >
        {(["start", "end"] as const).map((key) => (
          <div key={key} className="flex min-w-36 flex-1 flex-col gap-1.5 sm:flex-none">
            <Label htmlFor={`${id}-${key}`}>{t(key)}</Label>
            <DateField
              id={`${id}-${key}`}
              name={key}
              required
              defaultValue={key === "start" ? start : end}
              max={max}
              aria-describedby={`${id}-note`}
            />
          </div>
        ))}
        <Button type="submit" variant={current === "custom" ? "default" : "outline"}>
          {t("apply")}
        </Button>
        <p id={`${id}-note`} className="basis-full text-xs text-muted-foreground">
          {note}
        </p>
      </form>
    </section>
  );
}
