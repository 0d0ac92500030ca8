"use client";

import { useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { CallbackView } from "@/components/apps/app-view";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AttemptsSection } from "@/components/webhooks/attempt-card";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { fetchJson } from "@/components/webhooks/fetch-json";
import { eventKey } from "@/components/webhooks/events";
import { SubsectionTitle } from "@/components/settings/parts";

/** While a callback is pending (or an install's has not shown yet) the log asks again this often. */
const POLL_MS = 3_000;

/** The install and uninstall callbacks sent to the app, newest first, each with every attempt. */
export function CallbacksLog({
  appRef,
  installed,
  initial,
}: {
  appRef: string;
  installed: boolean;
  initial: CallbackView[];
}) {
  const t = useTranslations("apps.callbacks");
  const locale = useLocale();
  const waiting = (rows: CallbackView[]) =>
    rows.some((row) => row.status === "pending") || (installed && rows.length === 0);
  const query = useQuery({
    queryKey: ["app-callbacks", appRef],
    queryFn: () =>
      fetchJson<CallbackView[]>(`/${locale}/settings/apps/${encodeURIComponent(appRef)}/callbacks`),
    initialData: initial,
    refetchInterval: (q) => (waiting(q.state.data ?? []) ? POLL_MS : false),
  });
  const rows = query.data;

  return (
    <section className="flex flex-col gap-3" aria-labelledby="app-callbacks-title">
      <SubsectionTitle id="app-callbacks-title" title={t("title")} description={t("description")} />
      <p className="min-h-5 text-xs text-muted-foreground" role="status">
        {waiting(rows) ? t("polling") : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState
          icon={<Inbox />}
          title={t("empty.title")}
          description={t("empty.description")}
        />
      ) : (
        <ol className="flex flex-col gap-4" aria-label={t("listLabel")}>
          {rows.map((row) => (
            <li key={row.id}>
              <CallbackCard row={row} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CallbackCard({ row }: { row: CallbackView }) {
  const t = useTranslations("apps.callbacks");
  const titleId = `callback-${row.id}`;
  return (
    <Card className="p-4 sm:p-5">
      <article aria-labelledby={titleId} className="flex min-w-0 flex-col gap-3">
        <header className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h4 id={titleId} className="font-medium">
              {t(`events.${eventKey(row.event) as "app_installed" | "app_uninstalled"}`)}
            </h4>
            <DeliveryStatusBadge status={row.status} />
          </div>
          <time dateTime={row.created.iso} className="text-xs text-muted-foreground">
            {row.created.text}
          </time>
        </header>
        <p className="text-sm text-muted-foreground">
          {t("sentTo")}{" "}
          <bdi dir="ltr" className="font-mono text-xs [overflow-wrap:anywhere] text-foreground">
            {row.url}
          </bdi>
        </p>
        {row.nextAttempt ? (
          <p className="text-sm text-muted-foreground">
            {t.rich("nextAttempt", {
              date: row.nextAttempt.text,
              time: (text) => <time dateTime={row.nextAttempt?.iso}>{text}</time>,
            })}
          </p>
        ) : null}
        <AttemptsSection id={`${titleId}-attempts`} attempts={row.attemptLog} level={5} />
      </article>
    </Card>
  );
}
