"use client";

import { CircleAlert, CircleCheck, PlugZap, Unplug } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { BRAND_NAMES } from "@/components/payments/brand-names";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import type { ConnectionTest } from "@/lib/sdk";
import { disconnectProvider, testConnection } from "../actions";
import type { Provider } from "./provider-parts";

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
