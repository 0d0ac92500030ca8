"use client";

import { CircleAlert, CircleCheck, PlugZap, Save, Unplug } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type ComponentProps, type ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import type { ConnectionTest } from "@/lib/sdk";
import { BRAND_NAMES, type BrandedProvider } from "@/components/payments/brand-names";
import { disconnectProvider, testConnection } from "../actions";

type Provider = BrandedProvider;

/** The codes a connection test answers with; any other is worded generically. */
const TEST_CODES = [
  "OK",
  "PROVIDER_NOT_CONFIGURED",
  "PROVIDER_AUTHENTICATION_FAILED",
  "PROVIDER_MODE_MISMATCH",
  "PROVIDER_UNAVAILABLE",
  "PROVIDER_TIMEOUT",
] as const;
type TestCode = (typeof TEST_CODES)[number];
/** Codes that mean the same to the merchant as one of TEST_CODES. */
const SAME_AS: Record<string, TestCode> = {
  PROVIDER_PERMISSION_DENIED: "PROVIDER_AUTHENTICATION_FAILED",
  PROVIDER_RATE_LIMITED: "PROVIDER_UNAVAILABLE",
};

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

/** "Test connection" (with its answer in words) and "Disconnect" (asked first) for a provider. */
export function ProviderTools({
  provider,
  configured,
}: {
  provider: Provider;
  configured: boolean;
}) {
  const t = useTranslations("PaymentSettings");
  const locale = useLocale();
  const errorText = useSettingsErrorText();
  const name = BRAND_NAMES[provider];
  const [testing, startTesting] = useTransition();
  const [test, setTest] = useState<ActionResult<ConnectionTest> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<ActionIssue | null>(null);
  const [disconnected, setDisconnected] = useState(false);

  function runTest() {
    startTesting(async () => {
      setTest(null);
      setDisconnected(false);
      setTest(await testConnection(locale, provider));
    });
  }

  async function disconnect() {
    setConfirmError(null);
    const result = await disconnectProvider(locale, provider);
    if (!result.ok) return setConfirmError(result.error);
    setConfirming(false);
    setTest(null);
    setDisconnected(true);
  }

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite" className="empty:hidden">
        {disconnected ? (
          <Alert variant="success">
            <CircleCheck aria-hidden />
            <AlertDescription>{t("disconnect.done", { provider: name })}</AlertDescription>
          </Alert>
        ) : test ? (
          <TestResult result={test} provider={name} errorText={errorText} />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton
          type="button"
          variant="outline"
          size="sm"
          pending={testing}
          icon={<PlugZap aria-hidden />}
          pendingLabel={t("test.testing")}
          onClick={runTest}
        >
          {t("test.button")}
        </SubmitButton>
        {configured ? (
          <Button
            variant="ghost"
            size="sm"
            className="text-destructive hover:bg-destructive-soft sm:ms-auto"
            aria-haspopup="dialog"
            onClick={() => {
              setConfirmError(null);
              setConfirming(true);
            }}
          >
            <Unplug aria-hidden />
            {t("disconnect.button")}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        tone="destructive"
        icon={<Unplug />}
        title={t("disconnect.title", { provider: name })}
        description={t("disconnect.description", { provider: name })}
        confirmLabel={t("disconnect.confirm")}
        pendingLabel={t("disconnect.submitting")}
        confirmIcon={<Unplug aria-hidden />}
        error={confirmError ? errorText(confirmError) : null}
        onConfirm={disconnect}
      />
    </div>
  );
}

/** The test's answer: the code in the page's language, the provider's own words under it. */
function TestResult({
  result,
  provider,
  errorText,
}: {
  result: ActionResult<ConnectionTest>;
  provider: string;
  errorText: (issue: ActionIssue) => string;
}) {
  const t = useTranslations("PaymentSettings.test");
  if (!result.ok) {
    return (
      <ErrorAlert title={t("failedTitle")}>
        <AlertDescription>{errorText(result.error)}</AlertDescription>
      </ErrorAlert>
    );
  }
  const { ok, code, detail, livemode } = result.data;
  const known = (TEST_CODES as readonly string[]).includes(code)
    ? (code as TestCode)
    : SAME_AS[code];
  const text = known ? t(`codes.${known}`, { provider }) : t("unknown", { provider });
  return (
    <Alert variant={ok ? "success" : "destructive"} role={ok ? "status" : "alert"}>
      {ok ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
      <AlertTitle>{ok ? t("okTitle", { provider }) : t("failedTitle")}</AlertTitle>
      <AlertDescription>
        {text}
        {ok && livemode !== null ? ` ${livemode ? t("liveNote") : t("testNote")}` : null}
      </AlertDescription>
      {detail && !ok ? (
        <AlertDescription dir="ltr" lang="en" className="text-start text-xs opacity-80">
          {detail}
        </AlertDescription>
      ) : null}
    </Alert>
  );
}
