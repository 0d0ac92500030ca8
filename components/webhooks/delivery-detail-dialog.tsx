"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, FileJson, Loader2, RotateCw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import type { AttemptView, DeliveryDetailView, DeliveryRow } from "./delivery-rows";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { fetchJson } from "./fetch-json";
import { useWebhookErrorText } from "./use-webhook-error-text";

const POLL_MS = 5_000;

/** A delivery's exact body and every attempt, with Resend. Polls while the delivery is pending. */
export function DeliveryDetailDialog({
  endpointId,
  basePath,
  row,
  canResend,
  resend,
  onClose,
}: {
  endpointId: string;
  basePath: string;
  row: DeliveryRow | null;
  canResend: boolean;
  resend: (deliveryId: string) => Promise<ActionResult<null>>;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks.detail");
  const locale = useLocale();
  const errorText = useWebhookErrorText();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: true } | { ok: false; error: ActionIssue } | null>(
    null,
  );

  const query = useQuery({
    queryKey: ["webhook-delivery", row?.id],
    queryFn: () =>
      fetchJson<DeliveryDetailView>(`/${locale}${basePath}/deliveries/${row?.id ?? ""}`),
    enabled: row !== null,
    refetchInterval: (q) => (q.state.data?.status === "pending" ? POLL_MS : false),
  });
  const detail = query.data;

  function onResend() {
    if (!row) return;
    setNotice(null);
    startTransition(async () => {
      const result = await resend(row.id);
      setNotice(result.ok ? { ok: true } : { ok: false, error: result.error });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["webhook-delivery", row.id] }),
        queryClient.invalidateQueries({ queryKey: ["webhook-deliveries", endpointId] }),
      ]);
    });
  }

  return (
    <Dialog
      open={row !== null}
      onClose={() => {
        setNotice(null);
        onClose();
      }}
      busy={pending}
      icon={<FileJson />}
      title={t("title")}
      description={
        row ? (
          <span className="flex flex-wrap items-center gap-2">
            <code dir="ltr" className="font-mono text-foreground">
              {row.event}
            </code>
            <DeliveryStatusBadge status={detail?.status ?? row.status} />
          </span>
        ) : null
      }
      size="lg"
    >
      {notice ? (
        <Alert variant={notice.ok ? "success" : "destructive"} role="status">
          {notice.ok ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
          <AlertDescription>{notice.ok ? t("resent") : errorText(notice.error)}</AlertDescription>
        </Alert>
      ) : null}

      {query.isError ? (
        <ErrorAlert>
          <AlertDescription>{t("loadFailed")}</AlertDescription>
        </ErrorAlert>
      ) : !detail ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
          <Loader2 aria-hidden className="size-4 animate-spin" />
          {t("loading")}
        </p>
      ) : (
        <div className="flex min-w-0 flex-col gap-5">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div className="flex min-w-0 flex-col gap-0.5">
              <dt className="text-muted-foreground">{t("webhookId")}</dt>
              <dd>
                <code dir="ltr" className="font-mono text-xs break-all">
                  {detail.eventId}
                </code>
              </dd>
            </div>
            <div className="flex flex-col gap-0.5">
              <dt className="text-muted-foreground">{t("created")}</dt>
              <dd>
                <time dateTime={detail.created.iso}>{detail.created.text}</time>
              </dd>
            </div>
          </dl>

          <section className="flex flex-col gap-2" aria-labelledby="delivery-body-title">
            <h3 id="delivery-body-title" className="text-sm font-semibold">
              {t("body")}
            </h3>
            <pre
              dir="ltr"
              tabIndex={0}
              aria-labelledby="delivery-body-title"
              className="max-h-72 overflow-auto rounded-lg border border-border bg-muted p-3 font-mono text-xs leading-relaxed text-start"
            >
              {detail.body}
            </pre>
          </section>

          <section className="flex flex-col gap-3" aria-labelledby="delivery-attempts-title">
            <h3 id="delivery-attempts-title" className="text-sm font-semibold">
              {t("attempts", { count: detail.attemptLog.length })}
            </h3>
            {detail.attemptLog.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noAttempts")}</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {detail.attemptLog.map((attempt) => (
                  <li key={attempt.id}>
                    <AttemptCard attempt={attempt} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}

      <DialogActions>
        <DialogClose disabled={pending}>{t("close")}</DialogClose>
        {canResend ? (
          <SubmitButton
            type="button"
            pending={pending}
            disabled={!detail}
            icon={<RotateCw aria-hidden />}
            pendingLabel={t("resending")}
            onClick={onResend}
          >
            {t("resend")}
          </SubmitButton>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}

function AttemptCard({ attempt }: { attempt: AttemptView }) {
  const t = useTranslations("webhooks.detail");
  const format = useDisplayFormatter();
  const ok =
    attempt.responseStatus !== null &&
    attempt.responseStatus >= 200 &&
    attempt.responseStatus < 300;
  return (
    <article
      aria-label={t("attempt", { number: attempt.number })}
      className="flex flex-col gap-3 rounded-lg border border-border p-3"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <h4 className="font-medium">{t("attempt", { number: format.number(attempt.number) })}</h4>
        <time dateTime={attempt.created.iso} className="text-xs text-muted-foreground">
          {attempt.created.text}
        </time>
      </header>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("responseStatus")}</dt>
          <dd
            className={ok ? "font-mono font-medium" : "font-mono font-medium text-destructive"}
            data-testid="attempt-status"
          >
            {attempt.responseStatus ?? t("noResponse")}
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("duration")}</dt>
          <dd className="font-medium">
            {t("durationValue", { ms: format.number(attempt.durationMs) })}
          </dd>
        </div>
      </dl>
      {attempt.error ? (
        <p className="text-sm text-destructive">
          <span className="font-medium">{t("error")}: </span>
          <bdi dir="ltr">{attempt.error}</bdi>
        </p>
      ) : null}
      <details className="group text-sm">
        <summary className="cursor-pointer font-medium text-primary">{t("requestHeaders")}</summary>
        <dl
          dir="ltr"
          className="mt-2 grid gap-x-3 gap-y-1 rounded-lg bg-muted p-3 font-mono text-xs sm:grid-cols-[auto_1fr]"
        >
          {Object.entries(attempt.requestHeaders).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-muted-foreground">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t("responseBody")}</span>
        {attempt.responseBody ? (
          <pre
            dir="ltr"
            tabIndex={0}
            className="max-h-40 overflow-auto rounded-lg bg-muted p-3 font-mono text-xs break-all whitespace-pre-wrap"
          >
            {attempt.responseBody}
          </pre>
        ) : (
          <span className="text-muted-foreground">{t("emptyResponse")}</span>
        )}
      </div>
    </article>
  );
}
