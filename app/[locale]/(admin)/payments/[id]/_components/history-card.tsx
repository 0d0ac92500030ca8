import { History } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { IconTitleCard } from "@/components/ui/card";
import type { PaymentDetail } from "@/lib/sdk";
import { paymentFormat, type PaymentCardProps } from "./payment-format";

type PaymentEvent = PaymentDetail["events"][number];

/** Event types and sources with their own words; any other is shown as the API names it. */
const KNOWN_TYPES = [
  "created",
  "completed",
  "failed",
  "retrying",
  "cancelled",
  "refunded",
  "refund_failed",
  "provider_event",
] as const;
const KNOWN_SOURCES = ["api", "admin", "webhook", "checkout"] as const;

const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

const text = (event: PaymentEvent, key: string) =>
  typeof event.details[key] === "string" ? (event.details[key] as string) : "";

/** What happened to the payment, oldest first: what, from where, the provider's event id, when. */
export async function HistoryCard(props: PaymentCardProps) {
  const { payment } = props;
  const { t, money, when } = await paymentFormat(props);
  const events = [...payment.events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <IconTitleCard icon={History} title={t("events.title")} description={t("events.description")}>
      {events.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("events.none")}</p>
      ) : (
        <ol aria-label={t("events.title")} className="flex flex-col divide-y divide-border">
          {events.map((event) => {
            const amount = typeof event.details.amount === "number" ? event.details.amount : null;
            // The provider's own words (a decline, a refused refund) and event names stay English.
            const note = text(event, "message") || text(event, "event");
            return (
              <li
                key={event.id}
                className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
              >
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="flex flex-wrap items-baseline gap-x-2 text-sm font-medium">
                    {known(KNOWN_TYPES, event.type) ? (
                      t(`events.types.${event.type}`)
                    ) : (
                      <bdi dir="ltr" className="font-mono">
                        {event.type}
                      </bdi>
                    )}
                    {amount !== null && event.type !== "provider_event" ? (
                      <span className="font-normal text-muted-foreground tabular-nums">
                        {money(amount)}
                      </span>
                    ) : null}
                  </p>
                  {note ? (
                    <p dir="ltr" lang="en" className="text-start font-mono text-xs break-all">
                      {note}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <Badge variant="secondary">
                      {known(KNOWN_SOURCES, event.source) ? (
                        t(`events.sources.${event.source}`)
                      ) : (
                        <bdi dir="ltr">{event.source}</bdi>
                      )}
                    </Badge>
                    {event.providerEventId ? (
                      <span className="flex min-w-0 flex-wrap items-center gap-1">
                        <span>{t("events.providerEvent")}</span>
                        <bdi dir="ltr" className="font-mono break-all">
                          {event.providerEventId}
                        </bdi>
                      </span>
                    ) : null}
                  </div>
                </div>
                <time
                  dateTime={event.createdAt}
                  className="shrink-0 text-xs whitespace-nowrap text-muted-foreground"
                >
                  {when(event.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </IconTitleCard>
  );
}
