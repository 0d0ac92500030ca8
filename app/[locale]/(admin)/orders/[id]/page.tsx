import { CircleCheck, CreditCard, History, Link2, ReceiptText } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { OrderDetailsForm } from "@/components/orders/order-details-form";
import { OrderPageHeader } from "@/components/orders/order-page-header";
import { OrderStatusActions } from "@/components/orders/order-status-actions";
import { paymentState, type PaymentState } from "@/components/orders/payment-state";
import { canWriteOrders, nextStatuses } from "@/components/orders/permissions";
import { OrderStatusBadge } from "@/components/orders/status-badge";
import { displayName, ProductName } from "@/components/products/product-name";
import { storeTimeZone } from "@/components/settings/format";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import type { OrderStatus } from "@/lib/orders/contract";
import { StoreApiError, type OrderWithTimeline } from "@/lib/sdk";
import { updateOrderDetails, updateOrderStatus } from "../actions";

interface Props {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "orders.metadata" });
  return { title: t("detail") };
}

type TimelineEvent = OrderWithTimeline["timeline"][number];

const PAYMENT_STYLES: Record<PaymentState, string> = {
  unpaid: "bg-amber-50 text-amber-900 border-amber-200",
  paid: "bg-emerald-50 text-emerald-900 border-emerald-200",
  partially_refunded: "bg-orange-50 text-orange-900 border-orange-200",
  refunded: "bg-rose-50 text-rose-900 border-rose-200",
  void: "bg-muted text-muted-foreground border-border",
};

export default async function OrderPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const { session, me } = await requireMe(locale);
  const store = sessionStore(session);

  let order: OrderWithTimeline;
  try {
    order = await store.orders.get(id);
  } catch (error) {
    // 422: an id the API refuses outright (e.g. NUL in an edited URL) names no record either.
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }

  const created = (await searchParams).created === "1";
  const t = await getTranslations({ locale, namespace: "orders" });
  const tStatus = await getTranslations({ locale, namespace: "orders.status" });
  const format = await getFormatter({ locale });
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const role = me.user.role;
  const canWrite = canWriteOrders(role);
  const money = (amount: number) =>
    format.number(amount, { style: "currency", currency: order.currency });
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const vatRate = format.number(order.vatRate / 100, {
    style: "percent",
    maximumFractionDigits: 2,
  });
  const payment = paymentState(order.status);
  const number = <bdi dir="ltr">{order.number}</bdi>;
  const sourceName =
    order.source === "admin" || order.source === "api" ? t(`sources.${order.source}`) : null;

  return (
    <div className="flex flex-col gap-6">
      <OrderPageHeader
        title={t.rich("detail.title", {
          number: order.number,
          n: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
        })}
        crumb={number}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <OrderStatusBadge status={order.status} />
            <span>{t("detail.placed", { date: when(order.createdAt) })}</span>
          </span>
        }
      />

      {created ? (
        <Alert variant="success" role="status">
          <CircleCheck aria-hidden />
          <AlertDescription>{t("detail.created")}</AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="order-actions-title" className="flex flex-col gap-2">
        <h2 id="order-actions-title" className="sr-only">
          {t("actions.title")}
        </h2>
        <OrderStatusActions
          number={order.number}
          total={money(order.total)}
          status={order.status}
          next={nextStatuses(order.status, role)}
          canWrite={canWrite}
          onChange={updateOrderStatus.bind(null, locale, order.id)}
        />
      </section>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader className="pb-4">
              <CardTitle className="flex items-center gap-2 text-base">
                <ReceiptText aria-hidden className="size-4 text-muted-foreground" />
                {t("items.title")}
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-5">
              {order.items.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("items.none")}</p>
              ) : (
                <>
                  {/* Phones get a list: five columns do not fit beside each other there. */}
                  <ul
                    aria-label={t("items.title")}
                    className="flex flex-col divide-y divide-border sm:hidden"
                  >
                    {order.items.map((item) => (
                      <li key={item.id} className="flex flex-col gap-1 py-3 first:pt-0">
                        <div className="flex items-start justify-between gap-3">
                          <LineName item={item} locale={locale} />
                          <span className="font-medium whitespace-nowrap tabular-nums">
                            {money(order.pricesIncludeVat ? item.total : item.subtotal)}
                          </span>
                        </div>
                        <p className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
                          <span className="tabular-nums">
                            {t("items.quantityTimesPrice", {
                              quantity: format.number(item.quantity),
                              price: money(item.unitPrice),
                            })}
                          </span>
                          <LineSku sku={item.sku} none={t("items.noSku")} />
                        </p>
                      </li>
                    ))}
                  </ul>
                  <div className="hidden sm:block">
                    <DataTable
                      caption={t("items.caption", { count: order.items.length })}
                      minWidth="min-w-[36rem]"
                    >
                      <THead>
                        <tr>
                          <Th>{t("items.product")}</Th>
                          <Th>{t("items.sku")}</Th>
                          <Th className="text-end">{t("items.unitPrice")}</Th>
                          <Th className="text-end">{t("items.quantity")}</Th>
                          <Th className="text-end">{t("items.lineTotal")}</Th>
                        </tr>
                      </THead>
                      <TBody>
                        {order.items.map((item) => (
                          <tr key={item.id} className="[&>*]:align-middle">
                            <Th scope="row">
                              <LineName item={item} locale={locale} />
                            </Th>
                            <Td>
                              <LineSku sku={item.sku} none={t("items.noSku")} />
                            </Td>
                            <Td className="text-end whitespace-nowrap tabular-nums">
                              {money(item.unitPrice)}
                            </Td>
                            <Td className="text-end tabular-nums">
                              {format.number(item.quantity)}
                            </Td>
                            <Td className="text-end font-medium whitespace-nowrap tabular-nums">
                              {/* What the line costs as priced: VAT-inclusive prices include it. */}
                              {money(order.pricesIncludeVat ? item.total : item.subtotal)}
                            </Td>
                          </tr>
                        ))}
                      </TBody>
                    </DataTable>
                  </div>
                </>
              )}
              <dl className="ms-auto grid w-full max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("totals.subtotal")}</dt>
                <dd className="text-end tabular-nums">{money(order.subtotal)}</dd>
                <dt className="text-muted-foreground">{t("totals.vat", { rate: vatRate })}</dt>
                <dd className="text-end tabular-nums">{money(order.tax)}</dd>
                <div className="col-span-2 grid grid-cols-subgrid border-t border-border pt-2 font-semibold">
                  <dt>{t("totals.total")}</dt>
                  <dd className="text-end tabular-nums">{money(order.total)}</dd>
                </div>
                <dd className="col-span-2 text-xs text-muted-foreground">
                  {order.pricesIncludeVat
                    ? t("totals.includesVat", { rate: vatRate })
                    : t("totals.excludesVat", { rate: vatRate })}
                </dd>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader className="pb-4">
              <CardTitle className="flex items-center gap-2 text-base">
                <History aria-hidden className="size-4 text-muted-foreground" />
                {t("timeline.title")}
              </CardTitle>
              <CardDescription>{t("timeline.description")}</CardDescription>
            </CardHeader>
            <CardContent>
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
            </CardContent>
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader className="pb-4">
              <CardTitle className="flex items-center gap-2 text-base">
                <CreditCard aria-hidden className="size-4 text-muted-foreground" />
                {t("payment.title")}
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col items-start gap-2">
              <Badge variant="outline" className={PAYMENT_STYLES[payment]}>
                {t(`payment.states.${payment}`)}
              </Badge>
              <p className="text-sm text-muted-foreground">
                {t(`payment.descriptions.${payment}`, { total: money(order.total) })}
              </p>
            </CardContent>
          </Card>

          <Card>
            <CardHeader className="pb-4">
              <CardTitle className="text-base">{t("details.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <OrderDetailsForm
                defaultValues={{
                  customerEmail: order.customerEmail ?? "",
                  customerName: order.customerName ?? "",
                  notes: order.notes ?? "",
                }}
                readOnly={!canWrite}
                onSubmit={updateOrderDetails.bind(null, locale, order.id)}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader className="pb-4">
              <CardTitle className="flex items-center gap-2 text-base">
                <Link2 aria-hidden className="size-4 text-muted-foreground" />
                {t("origin.title")}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="flex flex-col gap-3 text-sm">
                <Detail label={t("origin.source")}>
                  {sourceName ?? (
                    <bdi dir="ltr" className="font-mono">
                      {order.source}
                    </bdi>
                  )}
                </Detail>
                <Detail label={t("origin.externalId")}>
                  {order.externalId ? (
                    <bdi dir="ltr" className="font-mono break-all">
                      {order.externalId}
                    </bdi>
                  ) : (
                    <span className="text-muted-foreground">{t("origin.none")}</span>
                  )}
                </Detail>
                <Detail label={t("origin.currency")}>
                  <bdi dir="ltr">{order.currency}</bdi>
                </Detail>
                <Detail label={t("origin.updated")}>
                  <time dateTime={order.updatedAt}>{when(order.updatedAt)}</time>
                </Detail>
              </dl>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"orders">>>;
type TranslateStatus = Awaited<ReturnType<typeof getTranslations<"orders.status">>>;

/** What happened, in the page's language. */
function describeEvent(event: TimelineEvent, t: Translate, tStatus: TranslateStatus): string {
  const status = (value: OrderStatus | null) => (value ? tStatus(value) : "");
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

/** Who did it: a person's name, an API key's name, or the system. */
function actorName(event: TimelineEvent, t: Translate): string {
  if (event.actor.type === "user") return event.actor.name ?? t("timeline.unknownUser");
  if (event.actor.type === "api_key")
    return event.actor.name
      ? t("timeline.apiKey", { name: event.actor.name })
      : t("timeline.unknownKey");
  return t("timeline.system");
}

type OrderItem = OrderWithTimeline["items"][number];

/** A line's name in the page's language (else the other, marked), linking to its product. */
function LineName({ item, locale }: { item: OrderItem; locale: "en" | "ar" }) {
  const name = <ProductName name={displayName(item.name, locale)} />;
  if (!item.productId) return <span className="font-medium">{name}</span>;
  return (
    <Link
      href={`/products/${item.productId}`}
      className="font-medium underline-offset-4 hover:underline"
    >
      {name}
    </Link>
  );
}

function LineSku({ sku, none }: { sku: string | null; none: string }) {
  return sku ? (
    <bdi dir="ltr" className="font-mono text-xs">
      {sku}
    </bdi>
  ) : (
    <span className="text-muted-foreground">{none}</span>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
