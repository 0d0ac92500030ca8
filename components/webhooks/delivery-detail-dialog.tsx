"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, FileJson, Loader2, RotateCw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogClose } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionIssue, ActionResult } from "@/lib/admin/action-result";
import { AttemptsSection } from "./attempt-card";
import type { DeliveryDetailView, DeliveryRow } from "./delivery-rows";
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

          <AttemptsSection id="delivery-attempts-title" attempts={detail.attemptLog} />
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
