import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { storeTimeZone } from "@/components/settings/format";
import { BackLink, NoAccess } from "@/components/settings/parts";
import { roleCan } from "@/components/settings/sections";
import { DateRangeFields, FilterField, FilterForm } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import { DELIVERY_DATE_STYLE, deliveryFormatter } from "@/components/webhooks/delivery-rows";
import { DELIVERY_STATUSES, LOG_EVENTS } from "@/components/webhooks/events";
import { QueryProvider } from "@/components/webhooks/query-provider";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { StoreApiError } from "@/lib/sdk";
import {
  deliverySearchString,
  hasFilters,
  parseDeliverySearchParams,
  toDeliveryParams,
} from "../search-params";
import { DeliveriesClient } from "./deliveries-client";

interface Props {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "webhooks.log" });
  return { title: t("title") };
}

export default async function DeliveryLogPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const { session, me } = await requireMe(locale);
  if (!roleCan(me.user.role, "webhooks:read")) return <NoAccess />;

  const state = parseDeliverySearchParams(await searchParams);
  const store = sessionStore(session);
  let endpoint;
  let list;
  try {
    [endpoint, list] = await Promise.all([
      store.webhooks.get(id),
      store.webhooks.deliveries(id, toDeliveryParams(state)),
    ]);
  } catch (error) {
    if (error instanceof StoreApiError && (error.status === 404 || error.status === 422))
      notFound();
    throw error;
  }
  const { pagination } = list;
  // A page past the end (an edited URL, or a filter that shrank the log): show the last one.
  if (list.data.length === 0 && pagination.total > 0 && state.page > pagination.pages) {
    redirect(
      `/${locale}/settings/webhooks/${id}${deliverySearchString({ ...state, page: pagination.pages })}`,
    );
  }

  const t = await getTranslations({ locale, namespace: "webhooks.log" });
  const tStatus = await getTranslations({ locale, namespace: "webhooks.status" });
  const format = await getDisplayFormatter(locale);
  const shape = deliveryFormatter((date) =>
    format.dateTime(date, { ...DELIVERY_DATE_STYLE, timeZone: storeTimeZone(me.tenant.timeZone) }),
  );
  const basePath = `/settings/webhooks/${id}`;

  return (
    <section className="flex flex-col gap-5" aria-labelledby="delivery-log-title">
      <div className="flex flex-col gap-3">
        <BackLink href="/settings/webhooks">{t("back")}</BackLink>
        <div className="flex flex-col gap-1">
          <h2 id="delivery-log-title" className="text-xl font-semibold tracking-tight">
            {t("title")}
          </h2>
          <p className="text-sm text-muted-foreground">
            {t("description")}{" "}
            <bdi dir="ltr" className="font-mono [overflow-wrap:anywhere] text-foreground">
              {endpoint.url}
            </bdi>
          </p>
        </div>
      </div>

      <FilterForm
        action={`/${locale}${basePath}`}
        label={t("filters.label")}
        applyLabel={t("filters.apply")}
        clear={hasFilters(state) ? { href: basePath, label: t("filters.clear") } : null}
      >
        <FilterField label={t("filters.event")} htmlFor="log-event">
          <NativeSelect id="log-event" name="event" defaultValue={state.event ?? ""}>
            <option value="">{t("filters.allEvents")}</option>
            {LOG_EVENTS.map((event) => (
              <option key={event} value={event}>
                {event}
              </option>
            ))}
          </NativeSelect>
        </FilterField>
        <FilterField label={t("filters.status")} htmlFor="log-status">
          <NativeSelect id="log-status" name="status" defaultValue={state.status ?? ""}>
            <option value="">{t("filters.allStatuses")}</option>
            {DELIVERY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </NativeSelect>
        </FilterField>
        <DateRangeFields
          idPrefix="log"
          state={state}
          labels={{ from: t("filters.from"), to: t("filters.to") }}
        />
      </FilterForm>

      <QueryProvider>
        <DeliveriesClient
          endpointId={id}
          basePath={basePath}
          search={deliverySearchString(state)}
          state={state}
          filtered={hasFilters(state)}
          canWrite={roleCan(me.user.role, "webhooks:write")}
          initial={{ rows: list.data.map(shape.row), pagination }}
        />
      </QueryProvider>
    </section>
  );
}
