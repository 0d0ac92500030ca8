"use client";

import { CalendarDays } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, type ComponentProps } from "react";
import { DayPicker } from "react-day-picker";
import { arSA, enUS } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { cn } from "@/lib/cn";
import { datePartOrder, parseTypedDate, typedDateText } from "@/lib/text/dates";
import { Input } from "./input";

type InputProps = Omit<
  ComponentProps<"input">,
  "type" | "value" | "defaultValue" | "onChange" | "min" | "max" | "name"
>;

/**
 * A date typed or picked in the page's language, not the browser's (docs/arabic-input.md): the
 * text follows the page's short-date order and the person's digits, a calendar in the page's
 * language opens from the button, and a hidden input named `name` carries ISO `YYYY-MM-DD` to the
 * form, as `<input type="date">` would. A date that is not one (31/02, letters) blocks submitting
 * with a message in the page's language.
 */
export function DateField({
  name,
  defaultValue = "",
  value,
  onValueChange,
  min,
  max,
  showProblem = true,
  className,
  ...inputProps
}: InputProps & {
  name?: string;
  /** ISO date (uncontrolled). */
  defaultValue?: string;
  /** ISO date (controlled), "" for none. */
  value?: string;
  /**
   * Called with the ISO date once the text is a whole date (in range or not: the field says so),
   * "" when cleared, and null while the text is not (yet) a date.
   */
  onValueChange?: (iso: string | null) => void;
  /** False where the form shows the field's errors itself (react-hook-form's FormField). */
  showProblem?: boolean;
  min?: string;
  max?: string;
}) {
  const t = useTranslations("Common.dateField");
  const locale = useLocale();
  const format = useDisplayFormatter();
  const order = useMemo(() => datePartOrder(locale), [locale]);
  const digits = format.preferences.digits;
  const shown = (iso: string) => localDigits(typedDateText(iso, order), digits);

  const [iso, setIso] = useState(value ?? defaultValue);
  const [text, setText] = useState(() => (iso ? shown(iso) : ""));
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const popupId = useId();

  // A controlled value that changes from outside (a preset, a reset) rewrites the text; anything
  // else a form holds for a text that is not a date leaves the text as typed.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== undefined && value !== iso && (value === "" || ISO_DATE.test(value))) {
      setIso(value);
      setText(value ? shown(value) : "");
    }
  }

  const problem = problemOf(text, order, min, max);
  const message = problem
    ? t(problem, { min: min ? shown(min) : "", max: max ? shown(max) : "" })
    : "";
  useEffect(() => inputRef.current?.setCustomValidity(message), [message]);

  function commit(next: string) {
    setIso(next);
    onValueChange?.(next);
  }

  function typed(next: string) {
    setText(next);
    if (next.trim() === "") return commit("");
    const parsed = parseTypedDate(next, order);
    if (parsed.ok) commit(parsed.iso);
    else onValueChange?.(null);
  }

  function picked(date: Date | undefined) {
    if (date) {
      const next = isoOf(date);
      setText(shown(next));
      commit(next);
    }
    setOpen(false);
    inputRef.current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!popupRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const selected = iso ? dateOf(iso) : undefined;
  return (
    <div className="relative">
      {/* Dates are written left to right in both languages; the button sits where the padding is. */}
      <div className="relative" dir="ltr">
        <Input
          ref={inputRef}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          placeholder={order.map((part) => t(`parts.${part}`)).join("/")}
          value={text}
          aria-invalid={problem ? true : undefined}
          className={cn("pe-10", className)}
          onChange={(event) => typed(event.currentTarget.value)}
          // A whole, valid date reads back in the page's own style ("2026-11-01" -> 01/11/2026).
          onBlur={() => {
            const parsed = parseTypedDate(text, order);
            if (parsed.ok) setText(shown(parsed.iso));
          }}
          {...inputProps}
        />
        {name ? <input type="hidden" name={name} value={iso} /> : null}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? popupId : undefined}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
          disabled={inputProps.disabled}
          className="absolute inset-y-0 end-0 flex w-10 items-center justify-center rounded-e-md text-muted-foreground hover:text-foreground focus-visible:ring-3 focus-visible:ring-ring/25 focus-visible:outline-none"
        >
          <CalendarDays aria-hidden className="size-4" />
          <span className="sr-only">{t("open")}</span>
        </button>
      </div>
      {problem && showProblem ? (
        <p className="mt-1 text-xs text-destructive" role="alert">
          {message}
        </p>
      ) : null}
      {open ? (
        <div
          ref={popupRef}
          id={popupId}
          role="dialog"
          aria-label={t("calendar")}
          className="absolute end-0 z-50 mt-1 rounded-lg border border-border bg-card p-2 shadow-lg"
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            setOpen(false);
            inputRef.current?.focus();
          }}
        >
          <DayPicker
            mode="single"
            autoFocus
            selected={selected}
            defaultMonth={selected}
            onSelect={picked}
            disabled={[
              ...(min ? [{ before: dateOf(min) }] : []),
              ...(max ? [{ after: dateOf(max) }] : []),
            ]}
            captionLayout="dropdown"
            startMonth={new Date(2000, 0)}
            endMonth={new Date(new Date().getFullYear() + 10, 11)}
            locale={locale === "ar" ? arSA : enUS}
            dir={locale === "ar" ? "rtl" : "ltr"}
            numerals={digits}
            className="text-sm [--rdp-accent-background-color:var(--color-muted)] [--rdp-accent-color:var(--color-primary)] [--rdp-day-height:2.25rem] [--rdp-day-width:2.25rem] [--rdp-day_button-height:2.25rem] [--rdp-day_button-width:2.25rem]"
          />
        </div>
      ) : null}
    </div>
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Problem = "format" | "date" | "tooEarly" | "tooLate";

function problemOf(
  text: string,
  order: ReturnType<typeof datePartOrder>,
  min?: string,
  max?: string,
): Problem | null {
  if (text.trim() === "") return null;
  const parsed = parseTypedDate(text, order);
  if (!parsed.ok) return parsed.reason;
  return outOfRange(parsed.iso, min, max);
}

// ISO dates compare as text.
function outOfRange(iso: string, min?: string, max?: string): "tooEarly" | "tooLate" | null {
  if (min && iso < min) return "tooEarly";
  if (max && iso > max) return "tooLate";
  return null;
}

/** The calendar works in local midnights; the ISO value is that local day. */
function dateOf(iso: string): Date {
  const [year, month, day] = iso.split("-").map(Number);
  const date = new Date(2000, 0, 1);
  date.setFullYear(year!, month! - 1, day!);
  return date;
}

function isoOf(date: Date): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

function localDigits(text: string, digits: string): string {
  if (digits === "latn") return text;
  const numerals = new Intl.NumberFormat("en", { numberingSystem: digits, useGrouping: false });
  return text.replace(/\d/g, (digit) => numerals.format(Number(digit)));
}
