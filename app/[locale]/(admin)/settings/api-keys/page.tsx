import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { dateInZone } from "@/components/settings/format";
import { NoAccess } from "@/components/settings/parts";
import { openSettingsPage } from "@/components/settings/settings-page";
import { grantableScopes } from "@/lib/auth/permissions";
import { resolveLocale } from "@/lib/admin/i18n/params";
import type { ApiKeyRow } from "./_components/keys-table";
import { ApiKeysClient } from "./api-keys-client";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "settings.apiKeys" });
  return { title: t("title") };
}

export default async function ApiKeysPage({ params }: Props) {
  const page = await openSettingsPage(params, "api_keys:manage");
  if (!page) return <NoAccess />;
  const { me, store, format, timeZone } = page;
  const { data } = await store.apiKeys.list();
  const when = (iso: string | null) =>
    iso
      ? {
          iso,
          date: format.dateTime(new Date(iso), { dateStyle: "medium", timeZone }),
          time: format.dateTime(new Date(iso), { timeStyle: "short", timeZone }),
        }
      : null;

  // Formatted here, on the server, so the browser hydrates exactly the same text.
  const rows: ApiKeyRow[] = data.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    last4: key.last4,
    scopes: key.scopes,
    createdBy: key.createdBy?.name ?? null,
    created: when(key.createdAt)!,
    lastUsed: when(key.lastUsedAt),
    expires: when(key.expiresAt),
    status: key.status,
  }));

  return (
    <ApiKeysClient
      rows={rows}
      grantable={grantableScopes(me.user.role)}
      today={dateInZone(new Date(), timeZone)}
    />
  );
}
