"use client";

import { CircleCheck, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import type { ActionIssue } from "@/lib/admin/action-result";
import { BRAND_NAMES, type BrandedProvider } from "@/components/payments/brand-names";

export type Provider = BrandedProvider;

/** A key field's refusal from the API in words: needed the first time, mixed modes, or malformed. */
export function useKeyIssueText(provider: Provider) {
  const t = useTranslations("PaymentSettings");
  return (issue: ActionIssue, invalid: string) => {
    if (issue.code === "required") return t("required", { provider: BRAND_NAMES[provider] });
    if (issue.code === "PROVIDER_MODE_MISMATCH") return t("test.codes.PROVIDER_MODE_MISMATCH");
    return invalid;
  };
}

/** Connected or not, and in which mode. */
export function ConnectionBadges({
  configured,
  mode,
}: {
  configured: boolean;
  mode: "live" | "test" | "sandbox" | null;
}) {
  const t = useTranslations("PaymentSettings");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {configured ? (
        <Badge className="border-transparent bg-success-soft text-success-soft-foreground">
          <span aria-hidden className="size-1.5 rounded-full bg-success-soft-foreground" />
          {t("connected")}
        </Badge>
      ) : (
        <Badge variant="secondary">
          <span aria-hidden className="size-1.5 rounded-full bg-muted-foreground" />
          {t("notConnected")}
        </Badge>
      )}
      {configured && mode ? <Badge variant="outline">{t(`modes.${mode}`)}</Badge> : null}
    </div>
  );
}

/** Technical words inside a sentence (key prefixes, menu paths): left to right in both languages. */
export const ltr = (chunks: ReactNode) => (
  <code dir="ltr" className="font-mono">
    {chunks}
  </code>
);

/**
 * A write-only key: the saved value only ever comes back masked ("sk_test_…4242"), shown under
 * the field; typing replaces it, leaving it empty keeps it.
 */
export function KeyInput({
  name,
  label,
  hint,
  saved,
  ...input
}: { name: string; label: string; hint: ReactNode; saved: string | null } & ComponentProps<
  typeof Input
>) {
  const t = useTranslations("PaymentSettings");
  return (
    <FormField
      name={name}
      label={label}
      hint={
        <>
          {hint}{" "}
          {saved ? (
            t.rich("savedValue", {
              value: saved,
              v: (chunks) => (
                <bdi dir="ltr" className="font-mono">
                  {chunks}
                </bdi>
              ),
            })
          ) : (
            <span>{t("notSaved")}</span>
          )}
        </>
      }
    >
      <Input
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        placeholder={saved ?? undefined}
        name={name}
        {...input}
      />
    </FormField>
  );
}

/** A settings form's foot: what the last save did, and the Save button. */
export function SaveRow({
  result,
  pending,
  disabled,
}: {
  result: { ok: true } | { ok: false; error: ActionIssue } | null;
  pending: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("PaymentSettings");
  const errorText = useSettingsErrorText();
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div aria-live="polite" className="min-w-0 flex-1">
        {result?.ok ? (
          <Alert variant="success">
            <CircleCheck aria-hidden />
            <AlertDescription>{t("saved")}</AlertDescription>
          </Alert>
        ) : result ? (
          <ErrorAlert title={t("errorTitle")}>
            <AlertDescription>{errorText(result.error)}</AlertDescription>
          </ErrorAlert>
        ) : null}
      </div>
      <SubmitButton
        pending={pending}
        disabled={disabled}
        icon={<Save aria-hidden />}
        pendingLabel={t("saving")}
        className="sm:ms-auto"
      >
        {t("save")}
      </SubmitButton>
    </div>
  );
}
