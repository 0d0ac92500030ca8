"use client";

import { CircleAlert, CircleCheck, KeyRound, Loader2, Send, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useTransition, type ReactNode } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";
import { buttonVariants } from "@/components/ui/button";
import type { ActionIssue } from "@/lib/action-result";
import { useErrorText } from "./use-error-text";

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

/** The signing secret with a Copy button; after a create it explains where to keep it. */
export function SecretDialog({
  shown,
  onClose,
}: {
  shown: ShownSecret | null;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks.secret");
  return (
    <Dialog
      open={shown !== null}
      onClose={onClose}
      busy
      icon={<KeyRound />}
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
      size="lg"
    >
      {shown?.kind === "created" ? (
        <Alert>
          <TriangleAlert aria-hidden className="text-amber-600" />
          <AlertTitle>{t("created.warningTitle")}</AlertTitle>
          <AlertDescription>{t("created.warning")}</AlertDescription>
        </Alert>
      ) : null}
      {shown?.kind === "rotated" && shown.overlapUntil ? (
        <Alert>
          <TriangleAlert aria-hidden className="text-amber-600" />
          <AlertTitle>{t("rotated.overlapTitle")}</AlertTitle>
          <AlertDescription>
            {t.rich("rotated.overlap", { time: shown.overlapUntil, code: headerName })}
          </AlertDescription>
        </Alert>
      ) : null}
      {shown ? (
        <CopyField
          label={t("label")}
          value={shown.secret}
          hint={t.markup("hint", { code: (c) => c })}
        />
      ) : null}
      <DialogActions>
        <Button onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
          {t("done")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Asks before something with consequences (reveal, rotate, delete), then runs it. */
export function ConfirmDialog({
  open,
  title,
  description,
  icon,
  tone = "default",
  confirmLabel,
  busyLabel,
  confirmIcon,
  error,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  icon: ReactNode;
  tone?: "default" | "destructive";
  confirmLabel: string;
  busyLabel: string;
  confirmIcon: ReactNode;
  error: ActionIssue | null;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const t = useTranslations("webhooks");
  const errorText = useErrorText();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();

  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={pending}
      role="alertdialog"
      tone={tone}
      icon={icon}
      initialFocus={cancelRef}
      title={title}
      description={description}
    >
      {children}
      {error ? (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden />
          <AlertDescription>{errorText(error)}</AlertDescription>
        </Alert>
      ) : null}
      <DialogActions>
        <Button
          ref={cancelRef}
          variant="outline"
          disabled={pending}
          onClick={(event) => event.currentTarget.closest("dialog")?.close()}
        >
          {t("cancel")}
        </Button>
        <Button
          variant={tone === "destructive" ? "destructive" : "default"}
          disabled={pending}
          onClick={() => startTransition(onConfirm)}
        >
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : confirmIcon}
          {pending ? busyLabel : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
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
  const format = useFormatter();
  const errorText = useErrorText();
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
          <Alert variant="destructive" role="alert">
            <CircleAlert aria-hidden />
            <AlertDescription>{errorText(outcome.failure)}</AlertDescription>
          </Alert>
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
        <Button
          disabled={sending}
          onClick={(event) => event.currentTarget.closest("dialog")?.close()}
        >
          {t("done")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function excerpt(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
