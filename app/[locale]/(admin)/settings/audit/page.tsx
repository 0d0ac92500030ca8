import { ClipboardList, SearchX } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { storeTimeZone } from "@/components/settings/format";
import { NoAccess, SectionHeader } from "@/components/settings/parts";
import { roleCan } from "@/components/settings/sections";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { AuditFilters } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";
import {
  auditSearchString,
  hasFilters,
  parseAuditSearchParams,
  toListParams,
} from "./search-params";

type Props = LocalePageProps;

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "settings.audit" });
  return { title: t("title") };
}

export default async function AuditLogPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { session, me } = await requireMe(locale);
  if (!roleCan(me.user.role, "audit:read")) return <NoAccess />;

  const state = parseAuditSearchParams(await searchParams);
  const store = sessionStore(session);
  const list = await store.audit.list(toListParams(state));
  const { pagination } = list;
  // A page past the end (an edited URL, or a filter that shrank the log): show the last one.
  if (list.data.length === 0 && pagination.total > 0 && state.page > pagination.pages) {
    redirect(`/${locale}/settings/audit${auditSearchString({ ...state, page: pagination.pages })}`);
  }

  const t = await getTranslations({ locale, namespace: "settings.audit" });
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const format = await getDisplayFormatter(locale, me.preferences);
  const filtered = hasFilters(state);

  const empty = pagination.total === 0;

  return (
    <section className="flex flex-col gap-5" aria-labelledby="audit-title">
      <SectionHeader id="audit-title" title={t("title")} description={t("description")} />

      <AuditFilters locale={locale} state={state} filtered={filtered} timeZone={timeZone} />

      {empty ? (
        filtered ? (
          <EmptyState
            icon={<SearchX />}
            title={t("noResults.title")}
            description={t("noResults.description")}
          >
            <Link href="/settings/audit" className={buttonVariants({ variant: "outline" })}>
              {t("filters.clear")}
            </Link>
          </EmptyState>
        ) : (
          <EmptyState
            icon={<ClipboardList />}
            title={t("empty.title")}
            description={t("empty.description")}
          />
        )
      ) : (
        <>
          <AuditTable
            entries={list.data}
            total={pagination.total}
            locale={locale}
            timeZone={timeZone}
          />

          <Pagination
            label={t("pagination.label")}
            pagination={pagination}
            shown={list.data.length}
            format={format}
            href={(page) => `/settings/audit${auditSearchString({ ...state, page })}`}
          />
        </>
      )}
    </section>
  );
}
