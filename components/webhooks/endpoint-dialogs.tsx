"use client";

import { CircleAlert, CircleCheck, Loader2, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { SecretDialog } from "@/components/ui/secret-dialog";
import type { ActionIssue } from "@/lib/admin/action-result";
import { Link } from "@/lib/admin/i18n/navigation";
import { useWebhookErrorText } from "./use-webhook-error-text";

/** A header name inside a sentence: dir="ltr" and never split across lines. */
export function headerName(chunks: ReactNode) {
  return (
    <code dir="ltr" className="font-mono text-[0.9em] whitespace-nowrap">
      {chunks}
    </code>
  );
}

export interface ShownSecret {
  kind: "created" | "revealed" | "rotated";
  url: string;
  secret: string;
  /** After a rotation, until when the old secret signs too (already formatted). */
  overlapUntil: string | null;
}

/** The signing secret, shown once; after a rotation it says until when the old one signs. */
export function EndpointSecretDialog({
  shown,
  onClose,
}: {
  shown: ShownSecret | null;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks.secret");
  const warning =
    shown?.kind === "created"
      ? { title: t("created.warningTitle"), description: t("created.warning") }
      : shown?.kind === "rotated" && shown.overlapUntil
        ? {
            title: t("rotated.overlapTitle"),
            description: t.rich("rotated.overlap", {
              time: shown.overlapUntil,
              code: headerName,
            }),
          }
        : null;
  return (
    <SecretDialog
      secret={shown?.secret ?? null}
      onClose={onClose}
      title={shown ? t(`${shown.kind}.title`) : ""}
      description={
        shown ? (
          <>
            {t(`${shown.kind}.description`)}{" "}
            <bdi dir="ltr" className="font-mono [overflow-wrap:anywhere]">
              {shown.url}
            </bdi>
          </>
        ) : null
      }
      label={t("label")}
      hint={t.markup("hint", { code: (c) => c })}
      warning={warning}
      doneLabel={t("done")}
    />
  );
}

export interface TestOutcome {
  url: string;
  endpointId: string;
  /** null while the request runs. */
  result: {
    responseStatus: number | null;
    responseBody: string | null;
    error: string | null;
    durationMs: number;
  } | null;
  failure: ActionIssue | null;
}

/** "Send test event": sending, then the attempt's status, duration and reply. */
export function TestResultDialog({
  outcome,
  onClose,
}: {
  outcome: TestOutcome | null;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks.test");
  const format = useDisplayFormatter();
  const errorText = useWebhookErrorText();
  const result = outcome?.result ?? null;
  const succeeded =
    result?.responseStatus != null && result.responseStatus >= 200 && result.responseStatus < 300;
  const sending = outcome !== null && result === null && outcome.failure === null;

  return (
    <Dialog
      open={outcome !== null}
      onClose={onClose}
      busy={sending}
      icon={<Send className="rtl:-scale-x-100" />}
      title={t("title")}
      description={
        outcome ? (
          <bdi dir="ltr" className="font-mono [overflow-wrap:anywhere]">
            {outcome.url}
          </bdi>
        ) : null
      }
      size="lg"
    >
      <div aria-live="polite" className="flex flex-col gap-4">
        {sending ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 aria-hidden className="size-4 animate-spin" />
            {t("sending")}
          </p>
        ) : null}
        {outcome?.failure ? (
          <ErrorAlert>
            <AlertDescription>{errorText(outcome.failure)}</AlertDescription>
          </ErrorAlert>
        ) : null}
        {result ? (
          <>
            <Alert variant={succeeded ? "success" : "destructive"}>
              {succeeded ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
              <AlertTitle>{succeeded ? t("succeeded") : t("failed")}</AlertTitle>
              {result.error ? (
                <AlertDescription>
                  <bdi dir="ltr">{result.error}</bdi>
                </AlertDescription>
              ) : null}
            </Alert>
            <dl className="grid grid-cols-2 gap-4 text-sm">
              <div className="flex flex-col gap-1">
                <dt className="text-muted-foreground">{t("status")}</dt>
                <dd className="font-mono font-medium">
                  {result.responseStatus ?? t("noResponse")}
                </dd>
              </div>
              <div className="flex flex-col gap-1">
                <dt className="text-muted-foreground">{t("duration")}</dt>
                <dd className="font-medium">
                  {t("durationValue", { ms: format.number(result.durationMs) })}
                </dd>
              </div>
            </dl>
            <div className="flex flex-col gap-2">
              <h3 className="text-sm font-medium">{t("response")}</h3>
              {result.responseBody ? (
                <pre
                  dir="ltr"
                  tabIndex={0}
                  className="max-h-48 overflow-auto rounded-lg border border-border bg-muted p-3 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap"
                >
                  {excerpt(result.responseBody)}
                </pre>
              ) : (
                <p className="text-sm text-muted-foreground">{t("emptyResponse")}</p>
              )}
            </div>
          </>
        ) : null}
      </div>
      <DialogActions>
        {outcome && !sending ? (
          <Link
            href={`/settings/webhooks/${outcome.endpointId}`}
            className={buttonVariants({ variant: "outline" })}
          >
            {t("viewLog")}
          </Link>
        ) : null}
        <DialogClose variant="default" disabled={sending}>
          {t("done")}
        </DialogClose>
      </DialogActions>
    </Dialog>
  );
}

function excerpt(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
