"use client";

import { CircleCheck, CircleX, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/admin/action-result";
import { SLUG_MAX, SLUG_MIN, normalizeSlug, slugProblem } from "@/lib/tenants/slug";

export type CheckSlug = (slug?: unknown) => Promise<
  ActionResult<{
    available: boolean;
    reason: "invalid" | "reserved" | "taken" | null;
  } | null>
>;

type Status =
  | { state: "idle" }
  | { state: "checking"; slug: string }
  | { state: "available"; slug: string }
  | { state: "unavailable"; slug: string; reason: "invalid" | "reserved" | "taken" };

/** Waits this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 400;

/**
 * The store ID, checked as it is typed: its form at once, in the browser, and whether it is free
 * through the server (debounced; only the latest answer counts). Submitting checks again.
 */
export function SlugField({
  id,
  label,
  error,
  checkSlug,
  registration,
}: {
  id: string;
  label: string;
  error?: string;
  checkSlug: CheckSlug;
  registration: UseFormRegisterReturn;
}) {
  const t = useTranslations("storeForm.slug");
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef("");

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    await registration.onChange(event);
    clearTimeout(timer.current);
    const slug = normalizeSlug(event.target.value);
    latest.current = slug;
    if (!slug) return setStatus({ state: "idle" });
    const problem = slugProblem(slug);
    if (problem) return setStatus({ state: "unavailable", slug, reason: problem });
    setStatus({ state: "checking", slug });
    timer.current = setTimeout(async () => {
      const outcome = await checkSlug(slug).catch(() => null);
      const result = outcome?.ok ? outcome.data : null;
      if (latest.current !== slug) return;
      if (!result) return setStatus({ state: "idle" });
      setStatus(
        result.available
          ? { state: "available", slug }
          : { state: "unavailable", slug, reason: result.reason ?? "taken" },
      );
    }, DEBOUNCE_MS);
  };

  const statusId = `${id}-status`;
  const message =
    status.state === "checking" ? (
      <span className="flex items-center gap-1.5 text-muted-foreground">
        <Loader2 aria-hidden className="size-4 animate-spin" />
        <span>{t("checking")}</span>
      </span>
    ) : status.state === "available" ? (
      <span className="flex items-center gap-1.5 text-success-soft-foreground">
        <CircleCheck aria-hidden className="size-4" />
        <span>
          {t.rich("available", { slug: status.slug, b: (c) => <bdi dir="ltr">{c}</bdi> })}
        </span>
      </span>
    ) : status.state === "unavailable" && !error ? (
      <span className="flex items-center gap-1.5 text-destructive">
        <CircleX aria-hidden className="size-4" />
        <span>{t(status.reason)}</span>
      </span>
    ) : null;

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        dir="ltr"
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        maxLength={SLUG_MAX + 20}
        aria-invalid={error || status.state === "unavailable" ? true : undefined}
        aria-describedby={[`${id}-hint`, statusId, error ? `${id}-error` : null]
          .filter(Boolean)
          .join(" ")}
        {...registration}
        onChange={onChange}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t("hint", { min: SLUG_MIN, max: SLUG_MAX })}
      </p>
      <p
        id={statusId}
        aria-live="polite"
        data-slug-status={status.state}
        className="text-sm empty:hidden"
      >
        {message}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
