import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/settings/parts";
import { openSettingsPage } from "@/components/settings/settings-page";
import { roleCan } from "@/components/settings/sections";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { WebhooksClient, type EndpointView } from "./webhooks-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "webhooks" });
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: Props) {
  const page = await openSettingsPage(params, "webhooks:read");
  if (!page) return <NoAccess />;
  const { me, store, format, timeZone } = page;
  const { data } = await store.webhooks.list();
  const when = (iso: string | null) =>
    iso
      ? {
          iso,
          text: format.dateTime(new Date(iso), {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone,
          }),
        }
      : null;

  // Formatted here, on the server, so the browser hydrates exactly the same text.
  const endpoints: EndpointView[] = data.map((endpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledCode: endpoint.disabledCode,
    rotationEnds:
      endpoint.secretRotationEndsAt && new Date(endpoint.secretRotationEndsAt) > new Date()
        ? when(endpoint.secretRotationEndsAt)
        : null,
    health: {
      deliveries: endpoint.health.deliveries24h,
      successRate:
        endpoint.health.successRate24h === null
          ? null
          : format.number(endpoint.health.successRate24h, {
              style: "percent",
              maximumFractionDigits: 1,
            }),
      healthy: endpoint.health.successRate24h === null || endpoint.health.successRate24h >= 0.95,
      lastFailure: when(endpoint.health.lastFailureAt),
      failingSince: when(endpoint.health.failingSince),
    },
  }));

  return (
    <WebhooksClient
      endpoints={endpoints}
      canWrite={roleCan(me.user.role, "webhooks:write")}
      timeZone={timeZone}
    />
  );
}
