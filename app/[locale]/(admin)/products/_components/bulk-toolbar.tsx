"use client";

import { Archive, FilePen, Loader2, X, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { BulkAction } from "./outcome-alert";

const ACTIONS = [
  { action: "activate", Icon: Zap },
  { action: "archive", Icon: Archive },
  { action: "draft", Icon: FilePen },
] as const;

/** What can be done to the selected rows at once; shown while any are selected. */
export function BulkToolbar({
  count,
  pending,
  onRun,
  onClear,
}: {
  count: number;
  pending: boolean;
  onRun: (action: BulkAction) => void;
  onClear: () => void;
}) {
  const t = useTranslations("products.bulk");
  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-primary-soft px-3 py-2"
    >
      <span className="me-auto text-sm font-medium text-primary-soft-foreground">
        {t("selected", { count })}
      </span>
      {ACTIONS.map(({ action, Icon }) => (
        <Button
          key={action}
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() => onRun(action)}
        >
          <Icon aria-hidden />
          {t(action)}
        </Button>
      ))}
      <Button size="sm" variant="ghost" disabled={pending} onClick={onClear}>
        <X aria-hidden />
        {t("clear")}
      </Button>
      {pending ? <Loader2 aria-hidden className="size-4 animate-spin text-primary" /> : null}
    </div>
  );
}
