"use client";

import {
  CircleAlert,
  CircleCheck,
  Eye,
  KeyRound,
  List,
  Pencil,
  Plus,
  RefreshCw,
  Send,
  Trash2,
  Webhook,
} from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { EmptyState, SectionHeader } from "@/components/settings/parts";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  ConfirmDialog,
  headerName,
  SecretDialog,
  TestResultDialog,
  type ShownSecret,
  type TestOutcome,
} from "@/components/webhooks/endpoint-dialogs";
import {
  EndpointFormDialog,
  type EndpointFormValues,
} from "@/components/webhooks/endpoint-form-dialog";
import { eventKey } from "@/components/webhooks/events";
import type { ActionIssue } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import {
  createEndpoint,
  deleteEndpoint,
  revealSecret,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
  type IssuedSecret,
} from "./actions";
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
  const format = useFormatter();
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
        busyLabel={t("reveal.submitting")}
        confirmIcon={<Eye aria-hidden />}
        error={confirmError}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
      <ConfirmDialog
        open={confirming?.kind === "rotate"}
        title={t("rotate.title")}
        description={t("rotate.description")}
        icon={<RefreshCw />}
        confirmLabel={t("rotate.confirm")}
        busyLabel={t("rotate.submitting")}
        confirmIcon={<RefreshCw aria-hidden />}
        error={confirmError}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
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
        busyLabel={t("delete.submitting")}
        confirmIcon={<Trash2 aria-hidden />}
        error={confirmError}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
      <SecretDialog shown={secret} onClose={() => setSecret(null)} />
      <TestResultDialog outcome={test} onClose={() => setTest(null)} />
    </section>
  );
}

function disabledReasonText(
  t: ReturnType<typeof useTranslations<"webhooks.endpoint">>,
  code: EndpointDisabledCode | null,
): string {
  if (code === "receiver_gone") return t("disabledGone");
  if (code === "failing_for_5_days") return t("disabledFailing");
  return t("disabledManually");
}

function EndpointCard({
  endpoint,
  canWrite,
  onEdit,
  onTest,
  onConfirm,
}: {
  endpoint: EndpointView;
  canWrite: boolean;
  onEdit: () => void;
  onTest: () => void;
  onConfirm: (kind: "reveal" | "rotate" | "delete") => void;
}) {
  const t = useTranslations("webhooks.endpoint");
  const tActions = useTranslations("webhooks.actions");
  const tEvent = useTranslations("webhooks.eventNames");
  const { health } = endpoint;
  const all = endpoint.events.includes("*");
  const titleId = `endpoint-${endpoint.id}`;

  return (
    <Card aria-labelledby={titleId} role="group" className="flex flex-col gap-4 p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h3
            id={titleId}
            className="font-mono text-sm font-semibold [overflow-wrap:anywhere]"
            dir="ltr"
          >
            {endpoint.url}
          </h3>
          {endpoint.description ? (
            <p className="text-sm text-muted-foreground">
              <bdi>{endpoint.description}</bdi>
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {endpoint.enabled ? (
            <Badge className="border-transparent bg-success-soft text-success-soft-foreground">
              <span aria-hidden className="size-1.5 rounded-full bg-success-soft-foreground" />
              {t("enabled")}
            </Badge>
          ) : (
            <Badge className="border-transparent bg-destructive-soft text-destructive-soft-foreground">
              <span aria-hidden className="size-1.5 rounded-full bg-destructive" />
              {t("disabled")}
            </Badge>
          )}
        </div>
      </div>

      {!endpoint.enabled ? (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertDescription>
            {t("disabledBecause", { reason: disabledReasonText(t, endpoint.disabledCode) })}
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-col gap-2">
        <h4 className="text-xs font-medium text-muted-foreground">{t("events")}</h4>
        {all ? (
          <Badge variant="default" className="self-start">
            {t("allEvents")}
          </Badge>
        ) : (
          <ul className="flex flex-wrap gap-1" aria-label={t("events")}>
            {endpoint.events.map((event) => (
              <li key={event}>
                <Badge variant="outline" title={tEvent(eventKey(event) as "order_created")}>
                  <code dir="ltr" className="font-mono">
                    {event}
                  </code>
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>

      <dl className="grid gap-x-6 gap-y-3 border-t border-border pt-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("successRate")}</dt>
          <dd className="flex flex-wrap items-baseline gap-x-2 font-medium">
            {health.successRate === null ? (
              <span className="text-muted-foreground">{t("noDeliveries")}</span>
            ) : (
              <span className={health.healthy ? undefined : "text-destructive"}>
                {health.successRate}
              </span>
            )}
            <span className="text-xs font-normal text-muted-foreground">
              {t("deliveries24h", { count: health.deliveries })}
            </span>
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("lastFailure")}</dt>
          <dd className="font-medium">
            {health.lastFailure ? (
              <time dateTime={health.lastFailure.iso}>{health.lastFailure.text}</time>
            ) : (
              <span className="text-muted-foreground">{t("none")}</span>
            )}
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("failingSince")}</dt>
          <dd className="font-medium">
            {health.failingSince ? (
              <time dateTime={health.failingSince.iso} className="text-destructive">
                {health.failingSince.text}
              </time>
            ) : (
              <span className="text-muted-foreground">{t("notFailing")}</span>
            )}
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-muted-foreground">{t("secret")}</dt>
          <dd className="font-medium">
            {endpoint.rotationEnds ? (
              <span>{t("rotationEnds", { time: endpoint.rotationEnds.text })}</span>
            ) : (
              <span className="text-muted-foreground">{t("oneSecret")}</span>
            )}
          </dd>
        </div>
      </dl>

      <div
        role="group"
        aria-label={tActions("label", { url: endpoint.url })}
        className="flex flex-wrap items-center gap-2 border-t border-border pt-4"
      >
        <Link
          href={`/settings/webhooks/${endpoint.id}`}
          className={cn(buttonVariants({ variant: "outline", size: "sm" }))}
        >
          <List aria-hidden />
          {tActions("log")}
        </Link>
        {canWrite ? (
          <>
            <Button variant="outline" size="sm" onClick={onTest}>
              <Send aria-hidden className="rtl:-scale-x-100" />
              {tActions("test")}
            </Button>
            <Button variant="ghost" size="sm" onClick={onEdit}>
              <Pencil aria-hidden />
              {tActions("edit")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => onConfirm("reveal")}>
              <KeyRound aria-hidden />
              {tActions("reveal")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => onConfirm("rotate")}>
              <RefreshCw aria-hidden />
              {tActions("rotate")}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="text-destructive hover:bg-destructive-soft sm:ms-auto"
              onClick={() => onConfirm("delete")}
            >
              <Trash2 aria-hidden />
              {tActions("delete")}
            </Button>
          </>
        ) : null}
      </div>
    </Card>
  );
}
