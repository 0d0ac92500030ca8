"use client";

import { CircleAlert, KeyRound, List, Pencil, RefreshCw, Send, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { eventKey } from "@/components/webhooks/events";
import { Link } from "@/lib/admin/i18n/navigation";
import { cn } from "@/lib/cn";
import type { EndpointDisabledCode } from "@/lib/webhooks/contract";
import type { EndpointView } from "../webhooks-client";

function disabledReasonText(
  t: ReturnType<typeof useTranslations<"webhooks.endpoint">>,
  code: EndpointDisabledCode | null,
): string {
  if (code === "receiver_gone") return t("disabledGone");
  if (code === "failing_for_5_days") return t("disabledFailing");
  return t("disabledManually");
}

/** One endpoint: its URL, events, 24-hour health and the actions the role allows. */
export function EndpointCard({
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
              <>
                <span className={health.healthy ? undefined : "text-destructive"}>
                  {health.successRate}
                </span>
                <span className="text-xs font-normal text-muted-foreground">
                  {t("deliveries24h", { count: health.deliveries })}
                </span>
              </>
            )}
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
