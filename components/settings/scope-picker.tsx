"use client";

import { useTranslations } from "next-intl";
import type { Scope } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";

/** Scopes grouped by resource, in the order the API lists them: [resource, read, write?]. */
const RESOURCES = [
  ["products", "products:read", "products:write"],
  ["orders", "orders:read", "orders:write"],
  ["payments", "payments:read", "payments:write"],
  ["analytics", "analytics:read", null],
  ["invoices", "invoices:read", null],
  ["webhooks", "webhooks:read", "webhooks:write"],
  ["apps", "apps:read", null],
] as const satisfies readonly (readonly [string, Scope, Scope | null])[];

/** A read and a write box per resource; write implies read, so read is ticked and locked with it. */
export function ScopePicker({
  id,
  value,
  grantable,
  legend,
  hint,
  error,
  onChange,
}: {
  id: string;
  value: string[];
  /** Scopes the signed-in role may put on a key. */
  grantable: Scope[];
  /** Defaults to the API key dialog's words ("Permissions", "Write includes read."). */
  legend?: string;
  hint?: string;
  error: string | undefined;
  onChange: (scopes: string[]) => void;
}) {
  const t = useTranslations("settings.apiKeys.createDialog");
  const tResource = useTranslations("settings.apiKeys.resources");

  function toggle(scope: Scope, checked: boolean, implied?: Scope) {
    const next = new Set(value);
    if (checked) {
      next.add(scope);
      if (implied) next.add(implied);
    } else next.delete(scope);
    onChange([...next]);
  }

  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
    >
      <legend className="mb-2 text-sm leading-none font-medium">{legend ?? t("scopes")}</legend>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint ?? t("scopesHint")}
      </p>
      <div className="divide-y divide-border rounded-lg border border-border">
        {RESOURCES.map(([resource, read, write]) => {
          const writeOn = write !== null && value.includes(write);
          const readOn = value.includes(read) || writeOn;
          return (
            <fieldset
              key={resource}
              className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2.5"
            >
              <legend className="sr-only">{tResource(resource)}</legend>
              <span aria-hidden className="text-sm font-medium">
                {tResource(resource)}
              </span>
              <div className="flex items-center gap-5">
                <ScopeCheckbox
                  label={t("read")}
                  checked={readOn}
                  disabled={writeOn || !grantable.includes(read)}
                  title={writeOn ? t("readIncluded") : undefined}
                  onChange={(checked) => toggle(read, checked)}
                />
                {write ? (
                  <ScopeCheckbox
                    label={t("write")}
                    checked={writeOn}
                    disabled={!grantable.includes(write)}
                    onChange={(checked) => toggle(write, checked, read)}
                  />
                ) : (
                  <span className="min-w-16" aria-hidden />
                )}
              </div>
            </fieldset>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function ScopeCheckbox({
  label,
  checked,
  disabled,
  title,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled: boolean;
  title?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label
      title={title}
      className={cn(
        "flex min-w-16 items-center gap-2 text-sm",
        disabled ? "text-muted-foreground" : "cursor-pointer",
      )}
    >
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
        className="size-4 accent-primary"
      />
      {label}
    </label>
  );
}
