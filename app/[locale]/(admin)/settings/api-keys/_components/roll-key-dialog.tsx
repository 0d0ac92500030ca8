"use client";

import { RefreshCw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import { cn } from "@/lib/cn";
import { rollApiKey, type IssuedKey } from "../actions";
import type { ApiKeyRow } from "./keys-table";

const GRACE_OPTIONS = [
  { hours: 0, key: "now" },
  { hours: 1, key: "hour" },
  { hours: 24, key: "day" },
  { hours: 168, key: "week" },
] as const;

/** How long the old key keeps working after a roll, as the secret dialog words it. */
export type GraceKey = (typeof GRACE_OPTIONS)[number]["key"];

export function RollKeyDialog({
  row,
  onClose,
  onRolled,
}: {
  row: ApiKeyRow | null;
  onClose: () => void;
  onRolled: (key: IssuedKey, grace: GraceKey) => void;
}) {
  const t = useTranslations("settings.apiKeys.roll");
  const locale = useLocale();
  const errorText = useSettingsErrorText();
  const id = useId();
  const [grace, setGrace] = useState(24);
  const [error, setError] = useState<ActionIssue | null>(null);

  async function roll() {
    if (!row) return;
    setError(null);
    const result = await rollApiKey(locale, row.id, { graceHours: grace });
    if (result.ok) {
      setGrace(24);
      onRolled(result.data, GRACE_OPTIONS.find((o) => o.hours === grace)?.key ?? "day");
    } else setError(result.error);
  }

  return (
    <ConfirmDialog
      open={row !== null}
      onClose={() => {
        setError(null);
        setGrace(24);
        onClose();
      }}
      role="dialog"
      icon={<RefreshCw />}
      title={t("title", { name: row?.name ?? "" })}
      description={t("description")}
      cancelLabel={t("cancel")}
      confirmLabel={t("submit")}
      pendingLabel={t("submitting")}
      confirmIcon={<RefreshCw aria-hidden />}
      error={error ? errorText(error) : null}
      onConfirm={roll}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm leading-none font-medium">{t("graceLabel")}</legend>
        {GRACE_OPTIONS.map((option) => (
          <label
            key={option.key}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm transition-colors",
              grace === option.hours
                ? "border-primary bg-primary-soft"
                : "border-border hover:bg-muted",
            )}
          >
            <input
              type="radio"
              name={`${id}-grace`}
              value={option.hours}
              checked={grace === option.hours}
              onChange={() => setGrace(option.hours)}
              className="mt-0.5 size-4 accent-primary"
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-medium">{t(`grace.${option.key}.label`)}</span>
              <span className="text-muted-foreground">{t(`grace.${option.key}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </ConfirmDialog>
  );
}
