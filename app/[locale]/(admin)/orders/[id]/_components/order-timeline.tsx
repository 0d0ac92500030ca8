import { History } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";
import type { OrderWithTimeline } from "@/lib/sdk";
import { OrderCard, orderFormat, type OrderCardProps } from "./order-card";

type TimelineEvent = OrderWithTimeline["timeline"][number];

/** Every change to the order, oldest first: what, by whom, when. */
export async function OrderTimeline(props: OrderCardProps) {
  const { order, locale } = props;
  const { t, when } = await orderFormat(props);
  const tStatus = await getTranslations({ locale, namespace: "orders.status" });
  return (
    <OrderCard icon={History} title={t("timeline.title")} description={t("timeline.description")}>
      <ol aria-label={t("timeline.title")} className="flex flex-col">
        {order.timeline.map((event, index) => (
          <li key={event.id} className="relative flex gap-3 pb-5 last:pb-0">
            {index < order.timeline.length - 1 ? (
              <span
                aria-hidden
                className="absolute start-[0.3125rem] top-4 bottom-0 w-px bg-input/60"
              />
            ) : null}
            <span
              aria-hidden
              className={cn(
                "relative mt-1.5 size-2.5 shrink-0 rounded-full ring-4 ring-card",
                event.type === "status_changed" || event.type === "created"
                  ? "bg-primary"
                  : "bg-input",
              )}
            />
            <div className="flex min-w-0 flex-col gap-0.5">
              <p className="text-sm font-medium">{describeEvent(event, t, tStatus)}</p>
              <EventDetails event={event} label={t} />
              <p className="text-xs text-muted-foreground">
                {t.rich("timeline.byAt", {
                  actor: actorName(event, t),
                  date: when(event.createdAt),
                  who: (chunks) => <bdi className="font-medium">{chunks}</bdi>,
                  at: (chunks) => <time dateTime={event.createdAt}>{chunks}</time>,
                })}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </OrderCard>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"orders">>>;
type TranslateStatus = Awaited<ReturnType<typeof getTranslations<"orders.status">>>;

/** What happened, in the page's language. */
function describeEvent(event: TimelineEvent, t: Translate, tStatus: TranslateStatus): string {
  const status = (value: TimelineEvent["toStatus"]) => (value ? tStatus(value) : "");
  switch (event.type) {
    case "created":
      return event.toStatus && event.toStatus !== "pending"
        ? t("timeline.createdAs", { status: status(event.toStatus) })
        : t("timeline.created");
    case "status_changed":
      return t("timeline.statusChanged", {
        from: status(event.fromStatus),
        to: status(event.toStatus),
      });
    case "note_updated":
      return typeof event.details.notes === "string" && event.details.notes
        ? t("timeline.noteUpdated")
        : t("timeline.noteCleared");
    case "customer_updated":
      return t("timeline.customerUpdated");
    case "tracking_updated":
      return t("timeline.trackingUpdated");
    default:
      return t("timeline.updated");
  }
}

/** The entry's particulars: the note's new text, the new customer, where an order came from. */
function EventDetails({ event, label: t }: { event: TimelineEvent; label: Translate }) {
  const text = (key: string) =>
    typeof event.details[key] === "string" ? (event.details[key] as string) : "";
  if (event.type === "note_updated" && text("notes")) {
    return (
      // plaintext: each line takes its own direction but keeps the page's alignment.
      <blockquote className="line-clamp-3 border-s-2 border-border ps-3 text-sm whitespace-pre-wrap text-muted-foreground [unicode-bidi:plaintext]">
        {text("notes")}
      </blockquote>
    );
  }
  if (event.type === "customer_updated") {
    const name = text("customerName");
    const email = text("customerEmail");
    return (
      <p className="text-sm text-muted-foreground">
        {name || email ? (
          <>
            {name ? <bdi>{name}</bdi> : null}
            {name && email ? " · " : null}
            {email ? <bdi dir="ltr">{email}</bdi> : null}
          </>
        ) : (
          t("timeline.customerRemoved")
        )}
      </p>
    );
  }
  if (
    (event.type === "status_changed" || event.type === "tracking_updated") &&
    (text("carrier") || text("trackingNumber"))
  ) {
    return (
      <p className="text-sm text-muted-foreground">
        {text("carrier") ? <bdi>{text("carrier")}</bdi> : null}
        {text("carrier") && text("trackingNumber") ? " · " : null}
        {text("trackingNumber") ? (
          <bdi dir="ltr" className="font-mono">
            {text("trackingNumber")}
          </bdi>
        ) : null}
      </p>
    );
  }
  if (event.type === "created" && text("source")) {
    const source = text("source");
    return (
      <p className="text-sm text-muted-foreground">
        {t.rich("timeline.via", {
          source: source === "admin" || source === "api" ? t(`sources.${source}`) : source,
          s: (chunks) => <bdi>{chunks}</bdi>,
        })}
      </p>
    );
  }
  return null;
}

/** Who did it: a person's name, an API key's or an app's name, or the system. */
function actorName(event: TimelineEvent, t: Translate): string {
  if (event.actor.type === "user") return event.actor.name ?? t("timeline.unknownUser");
  if (event.actor.type === "api_key")
    return event.actor.name
      ? t("timeline.apiKey", { name: event.actor.name })
      : t("timeline.unknownKey");
  if (event.actor.type === "app" && event.actor.name)
    return t("timeline.app", { name: event.actor.name });
  return t("timeline.system");
}
