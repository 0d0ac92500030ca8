"use client";

import { CalendarDays } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { useErrorText } from "@/components/ui/use-error-text";
import { useDisplayPreferences, type DisplayPreferences } from "@/lib/admin/format/client";
import { withDisplayPreferences } from "@/lib/admin/format/core";
import type { ActionResult } from "@/lib/admin/action-result";

/** The server action that stores the choice (app/[locale]/(admin)/actions.ts). */
export type SavePreferences = (
  locale: string,
  preferences: DisplayPreferences,
) => Promise<ActionResult<DisplayPreferences>>;

const DIGITS = [
  { value: "latn", label: "digitsLatn", sample: "123" },
  { value: "arab", label: "digitsArab", sample: "١٢٣" },
] as const;

const CALENDARS = [
  { value: "gregory", label: "calendarGregory" },
  { value: "islamic-umalqura", label: "calendarIslamicUmalqura" },
] as const;

/** The profile menu's digits and calendar: a dialog that saves them and re-renders the admin. */
export function DisplayPreferencesMenu({ save }: { save: SavePreferences }) {
  const t = useTranslations("DisplayPreferences");
  const current = useDisplayPreferences();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={t("openLabel")}
      >
        <CalendarDays aria-hidden />
        <span className="max-md:sr-only">{t("open")}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title")}
        description={t("description")}
      >
        <PreferencesForm initial={current} save={save} onSaved={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function PreferencesForm({
  initial,
  save,
  onSaved,
}: {
  initial: DisplayPreferences;
  save: SavePreferences;
  onSaved: () => void;
}) {
  const t = useTranslations("DisplayPreferences");
  const locale = useLocale();
  const router = useRouter();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The dialog renders only in the browser once opened, so "now" cannot mismatch the server.
  const preview = withDisplayPreferences(useFormatter(), draft);
  const [now] = useState(() => new Date());

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await save(locale, draft);
      if (!result.ok) {
        setError(errorText(result.error));
        return;
      }
      onSaved();
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5">
      <Choices
        name="digits"
        legend={t("digits")}
        value={draft.digits}
        onChange={(digits) => setDraft({ ...draft, digits })}
        options={DIGITS.map((option) => ({
          value: option.value,
          label: (
            <>
              {t(option.label)}{" "}
              <span className="text-muted-foreground" lang={option.value === "arab" ? "ar" : "en"}>
                {option.sample}
              </span>
            </>
          ),
        }))}
      />
      <Choices
        name="calendar"
        legend={t("calendar")}
        value={draft.calendar}
        onChange={(calendar) => setDraft({ ...draft, calendar })}
        options={CALENDARS.map((option) => ({ value: option.value, label: t(option.label) }))}
      />
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {t("example", {
          date: preview.dateTime(now, { dateStyle: "long" }),
          amount: preview.number(1234.5, { style: "currency", currency: "SAR" }),
        })}
      </p>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <DialogActions>
        <DialogClose disabled={pending}>{t("cancel")}</DialogClose>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </DialogActions>
    </form>
  );
}

/** One radio group (a fieldset with its legend): native radios, so arrow keys move the choice. */
function Choices<V extends string>({
  name,
  legend,
  value,
  onChange,
  options,
}: {
  name: string;
  legend: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: React.ReactNode }[];
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          className="flex cursor-pointer items-center gap-3 rounded-md border border-border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:ring-2 has-focus-visible:ring-ring"
        >
          <input
            type="radio"
            name={name}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="size-4 accent-primary"
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
