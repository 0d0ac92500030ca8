"use client";

import { CircleAlert, CircleCheck, Eye, Plus, RefreshCw, Trash2, Webhook } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useMemo, useState } from "react";
import { SectionHeader } from "@/components/settings/parts";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import {
  EndpointSecretDialog,
  headerName,
  TestResultDialog,
  type ShownSecret,
  type TestOutcome,
} from "@/components/webhooks/endpoint-dialogs";
import {
  EndpointFormDialog,
  type EndpointFormValues,
} from "@/components/webhooks/endpoint-form-dialog";
import { useWebhookErrorText } from "@/components/webhooks/use-webhook-error-text";
import type { ActionIssue } from "@/lib/admin/action-result";
import {
  createEndpoint,
  deleteEndpoint,
  revealSecret,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
  type IssuedSecret,
} from "./actions";
import { EndpointCard } from "./_components/endpoint-card";
import type { EndpointDisabledCode } from "@/lib/webhooks/contract";

interface When {
  iso: string;
  text: string;
}

/** One endpoint as the page shows it, numbers and dates already formatted by the server. */
export interface EndpointView {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledCode: EndpointDisabledCode | null;
  rotationEnds: When | null;
  health: {
    deliveries: number;
    successRate: string | null;
    healthy: boolean;
    lastFailure: When | null;
    failingSince: When | null;
  };
}

type Notice = { tone: "success" | "error"; text: string } | null;
type Confirming = { kind: "reveal" | "rotate" | "delete"; endpoint: EndpointView } | null;

export function WebhooksClient({
  endpoints,
  canWrite,
  timeZone,
}: {
  endpoints: EndpointView[];
  canWrite: boolean;
  timeZone: string;
}) {
  const t = useTranslations("webhooks");
  const locale = useLocale();
  const format = useDisplayFormatter();
  const errorText = useWebhookErrorText();
  const [editing, setEditing] = useState<{ endpoint: EndpointView | null } | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [confirmError, setConfirmError] = useState<ActionIssue | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [test, setTest] = useState<TestOutcome | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const addButton = canWrite ? (
    <Button
      onClick={() => {
        setNotice(null);
        setEditing({ endpoint: null });
      }}
    >
      <Plus aria-hidden />
      {t("add")}
    </Button>
  ) : null;

  function show(kind: ShownSecret["kind"], issued: IssuedSecret) {
    setSecret({
      kind,
      url: issued.url,
      secret: issued.secret,
      overlapUntil: issued.previousSecretExpiresAt
        ? format.dateTime(new Date(issued.previousSecretExpiresAt), {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone,
          })
        : null,
    });
  }

  async function sendTest(endpoint: EndpointView) {
    setNotice(null);
    setTest({ url: endpoint.url, endpointId: endpoint.id, result: null, failure: null });
    const result = await sendTestEvent(locale, endpoint.id);
    setTest({
      url: endpoint.url,
      endpointId: endpoint.id,
      result: result.ok ? result.data : null,
      failure: result.ok ? null : result.error,
    });
  }

  async function confirm() {
    if (!confirming) return;
    const { kind, endpoint } = confirming;
    setConfirmError(null);
    if (kind === "delete") {
      const result = await deleteEndpoint(locale, endpoint.id);
      if (!result.ok) return setConfirmError(result.error);
      setConfirming(null);
      setNotice({ tone: "success", text: t("delete.done", { url: endpoint.url }) });
      return;
    }
    const result =
      kind === "reveal"
        ? await revealSecret(locale, endpoint.id)
        : await rotateSecret(locale, endpoint.id);
    if (!result.ok) return setConfirmError(result.error);
    setConfirming(null);
    show(kind === "reveal" ? "revealed" : "rotated", result.data);
  }

  // What the three confirmations (reveal, rotate, delete) have in common.
  const confirmProps = {
    cancelLabel: t("cancel"),
    error: confirmError ? errorText(confirmError) : null,
    onConfirm: confirm,
    onClose: () => setConfirming(null),
  };

  // Stable while the dialog is open: the form resets only when the edited endpoint changes.
  const editingValues = useMemo<({ id: string } & EndpointFormValues) | null>(
    () =>
      editing?.endpoint
        ? {
            id: editing.endpoint.id,
            url: editing.endpoint.url,
            description: editing.endpoint.description,
            enabled: editing.endpoint.enabled,
            events: editing.endpoint.events,
          }
        : null,
    [editing],
  );

  return (
    <section className="flex flex-col gap-5" aria-labelledby="webhooks-title">
      <SectionHeader id="webhooks-title" title={t("title")} description={t("description")}>
        {endpoints.length > 0 ? addButton : null}
      </SectionHeader>

      {!canWrite ? (
        <Alert>
          <CircleAlert aria-hidden />
          <AlertDescription>{t("readOnly")}</AlertDescription>
        </Alert>
      ) : null}

      {notice ? (
        <Alert variant={notice.tone === "success" ? "success" : "destructive"} role="status">
          {notice.tone === "success" ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
          <AlertDescription>{notice.text}</AlertDescription>
        </Alert>
      ) : null}

      {endpoints.length === 0 ? (
        <EmptyState
          icon={<Webhook />}
          title={t("empty.title")}
          description={t("empty.description")}
        >
          {addButton}
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t("listLabel")}>
          {endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <EndpointCard
                endpoint={endpoint}
                canWrite={canWrite}
                onEdit={() => {
                  setNotice(null);
                  setEditing({ endpoint });
                }}
                onTest={() => void sendTest(endpoint)}
                onConfirm={(kind) => {
                  setNotice(null);
                  setConfirmError(null);
                  setConfirming({ kind, endpoint });
                }}
              />
            </li>
          ))}
        </ul>
      )}

      <EndpointFormDialog<IssuedSecret | null>
        open={editing !== null}
        endpoint={editingValues}
        onClose={() => setEditing(null)}
        submit={(values) =>
          editingValues
            ? updateEndpoint(locale, editingValues.id, values)
            : createEndpoint(locale, values)
        }
        onDone={(issued) => {
          setEditing(null);
          if (issued) show("created", issued);
          else setNotice({ tone: "success", text: t("form.saved") });
        }}
      />
      <ConfirmDialog
        open={confirming?.kind === "reveal"}
        title={t("reveal.title")}
        description={t("reveal.description")}
        icon={<Eye />}
        confirmLabel={t("reveal.confirm")}
        pendingLabel={t("reveal.submitting")}
        confirmIcon={<Eye aria-hidden />}
        {...confirmProps}
      />
      <ConfirmDialog
        open={confirming?.kind === "rotate"}
        title={t("rotate.title")}
        description={t("rotate.description")}
        icon={<RefreshCw />}
        confirmLabel={t("rotate.confirm")}
        pendingLabel={t("rotate.submitting")}
        confirmIcon={<RefreshCw aria-hidden />}
        {...confirmProps}
      >
        <ul className="flex list-disc flex-col gap-1 ps-5 text-sm">
          <li>{t.rich("rotate.overlap", { code: headerName })}</li>
          <li>{t.rich("rotate.legacyHeader", { code: headerName })}</li>
        </ul>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming?.kind === "delete"}
        title={t("delete.title")}
        description={
          <>
            {t("delete.description")}{" "}
            <bdi dir="ltr" className="font-mono [overflow-wrap:anywhere]">
              {confirming?.endpoint.url}
            </bdi>
          </>
        }
        icon={<Trash2 />}
        tone="destructive"
        confirmLabel={t("delete.confirm")}
        pendingLabel={t("delete.submitting")}
        confirmIcon={<Trash2 aria-hidden />}
        {...confirmProps}
      />
      <EndpointSecretDialog shown={secret} onClose={() => setSecret(null)} />
      <TestResultDialog outcome={test} onClose={() => setTest(null)} />
    </section>
  );
}
