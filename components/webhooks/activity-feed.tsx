"use client";

import { useQuery } from "@tanstack/react-query";
import {
  Activity,
  AppWindow,
  CircleAlert,
  CreditCard,
  Package,
  ShoppingCart,
  Store,
  UserPlus,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useEffect, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, IconCardHeader } from "@/components/ui/card";
import { fetchJson } from "./fetch-json";
import { QueryProvider } from "./query-provider";

export interface RecentEvent {
  id: string;
  event: string;
  createdAt: string;
  summary: Record<string, unknown>;
}

const POLL_MS = 10_000;

const ICONS: Record<string, LucideIcon> = {
  order: ShoppingCart,
  product: Package,
  payment: CreditCard,
  user: UserPlus,
  tenant: Store,
  app: AppWindow,
  webhook: Webhook,
};

/** The home page's live activity card: the store's latest events, asked for every 10 s. */
export function ActivityFeed(props: {
  initial: RecentEvent[] | null;
  now: number;
  timeZone: string;
}) {
  return (
    <QueryProvider>
      <Feed {...props} />
    </QueryProvider>
  );
}

function Feed({
  initial,
  now: serverNow,
  timeZone,
}: {
  initial: RecentEvent[] | null;
  now: number;
  /** The store's time zone, for the exact time shown on hover. */
  timeZone: string;
}) {
  const t = useTranslations("activity");
  const locale = useLocale();
  const format = useDisplayFormatter();
  // Relative times start from the server's clock (same text on hydration), then tick here.
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), POLL_MS);
    return () => clearInterval(timer);
  }, []);

  const query = useQuery({
    queryKey: ["recent-events", locale],
    queryFn: () => fetchJson<{ data: RecentEvent[] }>(`/${locale}/activity`).then((r) => r.data),
    initialData: initial ?? undefined,
    refetchInterval: POLL_MS,
  });
  const events = query.data;

  return (
    <Card aria-labelledby="activity-title">
      <IconCardHeader
        icon={<Activity />}
        title={t("title")}
        titleId="activity-title"
        description={t("description")}
      />
      <CardContent>
        <div className="border-t border-border pt-4">
          {query.isError && !events ? (
            <Alert variant="destructive">
              <CircleAlert aria-hidden />
              <AlertDescription>{t("loadFailed")}</AlertDescription>
            </Alert>
          ) : !events ? (
            <p className="text-sm text-muted-foreground" role="status">
              {t("loading")}
            </p>
          ) : events.length === 0 ? (
            <div className="flex flex-col items-center gap-1 py-6 text-center">
              <p className="font-medium">{t("empty.title")}</p>
              <p className="text-sm text-muted-foreground">{t("empty.description")}</p>
            </div>
          ) : (
            <ol aria-label={t("listLabel")} className="flex flex-col divide-y divide-border">
              {events.map((event) => {
                const Icon = ICONS[event.event.split(".")[0] ?? ""] ?? Activity;
                return (
                  <li key={event.id} className="flex items-start gap-3 py-3">
                    <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                    <div className="flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                      <p className="min-w-0 text-sm">
                        <EventLine event={event} />
                      </p>
                      <time
                        dateTime={event.createdAt}
                        title={format.dateTime(new Date(event.createdAt), {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone,
                        })}
                        className="shrink-0 text-xs text-muted-foreground"
                      >
                        {format.relativeTime(new Date(event.createdAt), now)}
                      </time>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

/** A bilingual name ({en, ar}) in the page's language, else the other one; or a plain string. */
function localName(value: unknown, locale: string): string | null {
  if (typeof value === "string") return value || null;
  if (value && typeof value === "object") {
    const name = value as Record<string, unknown>;
    const own = name[locale];
    const other = name[locale === "ar" ? "en" : "ar"];
    if (typeof own === "string" && own.trim()) return own;
    if (typeof other === "string" && other.trim()) return other;
  }
  return null;
}

/** First-strong isolates: a name in the other script cannot reorder the sentence around it. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function EventLine({ event }: { event: RecentEvent }) {
  const t = useTranslations("activity.events");
  const tStatus = useTranslations("orders.status");
  const locale = useLocale();
  const format = useDisplayFormatter();
  const s = event.summary;
  const str = (v: unknown) => (typeof v === "string" && v ? isolate(v) : null);
  const rawName = localName(s.name, locale);
  const name = rawName ? isolate(rawName) : null;
  const number = str(s.number);
  const amount =
    typeof s.total === "number" && typeof s.currency === "string"
      ? format.number(s.total, { style: "currency", currency: s.currency })
      : null;

  switch (event.event) {
    case "order.created":
      if (number && amount) return <>{t("orderCreatedTotal", { number, amount })}</>;
      return number ? <>{t("orderCreated", { number })}</> : <>{t("orderCreatedNoNumber")}</>;
    case "order.updated":
      // The status label comes from the orders messages (no order contract in this bundle).
      if (number && typeof s.status === "string" && tStatus.has(s.status as "paid"))
        return <>{t("orderUpdatedStatus", { number, status: tStatus(s.status as "paid") })}</>;
      return number ? <>{t("orderUpdated", { number })}</> : <>{t("orderUpdatedNoNumber")}</>;
    case "invoice.issued":
      return <>{t("invoiceIssued", { number: number ?? "—" })}</>;
    case "credit_note.issued":
      return <>{t("creditNoteIssued", { number: number ?? "—" })}</>;
    case "product.created":
    case "product.updated":
    case "product.deleted": {
      const verb =
        event.event === "product.created"
          ? "productCreated"
          : event.event === "product.updated"
            ? "productUpdated"
            : "productDeleted";
      return name ? <>{t(verb, { name })}</> : <>{t(`${verb}NoName`)}</>;
    }
    case "payment.completed":
    case "payment.failed":
    case "payment.refunded": {
      const verb =
        event.event === "payment.completed"
          ? "paymentCompleted"
          : event.event === "payment.failed"
            ? "paymentFailed"
            : "paymentRefunded";
      return amount ? <>{t(verb, { amount })}</> : <>{t(`${verb}NoAmount`)}</>;
    }
    case "user.created":
      return <>{t("userCreated", { name: name ?? str(s.email) ?? "—" })}</>;
    case "tenant.updated":
      return <>{t("tenantUpdated")}</>;
    case "app.installed":
      return <>{t("appInstalled", { name: name ?? "—" })}</>;
    case "app.uninstalled":
      return <>{t("appUninstalled", { name: name ?? "—" })}</>;
    case "webhook.endpoint_disabled":
      return <>{t("endpointDisabled", { url: str(s.url) ?? "—" })}</>;
    default:
      return (
        <code dir="ltr" className="font-mono text-xs">
          {event.event}
        </code>
      );
  }
}
