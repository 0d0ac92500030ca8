import { ChevronLeft, ChevronRight, ClipboardList, SearchX } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { storeTimeZone } from "@/components/settings/format";
import { EmptyState, NoAccess, SectionHeader } from "@/components/settings/parts";
import { roleCan } from "@/components/settings/sections";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { requireMe, sessionStore } from "@/lib/admin/session";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import type { AuditEntry } from "@/lib/sdk";
import {
  ACTION_PREFIXES,
  ACTOR_TYPES,
  auditSearchString,
  hasFilters,
  parseAuditSearchParams,
  toListParams,
} from "./search-params";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

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
  const format = await getFormatter({ locale });
  const timeZone = storeTimeZone(me.tenant.timeZone);
  const filtered = hasFilters(state);
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(/\./g, "_")}`;
    return t.has(key as "actions.tenant_updated") ? t(key as "actions.tenant_updated") : null;
  };
  const actorName = (actor: AuditEntry["actor"]) =>
    actor.name ?? (actor.type === "system" || actor.type === "anonymous" ? null : actor.id);

  const from = (pagination.page - 1) * pagination.limit + 1;
  const to = from + list.data.length - 1;
  const empty = pagination.total === 0;

  return (
    <section className="flex flex-col gap-5" aria-labelledby="audit-title">
      <SectionHeader id="audit-title" title={t("title")} description={t("description")} />

      <form
        method="get"
        action={`/${locale}/settings/audit`}
        aria-label={t("filters.label")}
        className="grid gap-4 rounded-xl border border-border bg-card p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
      >
        <FilterField label={t("filters.action")} htmlFor="audit-action">
          <NativeSelect id="audit-action" name="action" defaultValue={state.action ?? ""}>
            <option value="">{t("filters.allActions")}</option>
            {ACTION_PREFIXES.map((prefix) => (
              <option key={prefix} value={prefix}>
                {t(`prefixes.${prefix.slice(0, -1) as "auth"}`)}
              </option>
            ))}
          </NativeSelect>
        </FilterField>
        <FilterField label={t("filters.actorType")} htmlFor="audit-actor">
          <NativeSelect id="audit-actor" name="actor" defaultValue={state.actorType ?? ""}>
            <option value="">{t("filters.allActors")}</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`actorTypes.${type}`)}
              </option>
            ))}
          </NativeSelect>
        </FilterField>
        <FilterField label={t("filters.from")} htmlFor="audit-from">
          <Input id="audit-from" name="from" type="date" defaultValue={state.from} />
        </FilterField>
        <FilterField label={t("filters.to")} htmlFor="audit-to">
          <Input id="audit-to" name="to" type="date" defaultValue={state.to} />
        </FilterField>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
          <Button type="submit">{t("filters.apply")}</Button>
          {filtered ? (
            <Link href="/settings/audit" className={buttonVariants({ variant: "ghost" })}>
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
        <p className="text-xs text-muted-foreground sm:col-span-2 lg:col-span-5">
          {t("filters.timeZoneNote", { zone: timeZone })}
        </p>
      </form>

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
          <DataTable
            caption={t("table.caption", { total: pagination.total })}
            minWidth="min-w-[58rem]"
          >
            <THead>
              <tr>
                <Th>{t("table.time")}</Th>
                <Th>{t("table.actor")}</Th>
                <Th>{t("table.action")}</Th>
                <Th>{t("table.resource")}</Th>
                <Th>{t("table.ip")}</Th>
                <Th>{t("table.details")}</Th>
              </tr>
            </THead>
            <TBody>
              {list.data.map((entry) => {
                const label = actionLabel(entry.action);
                const name = actorName(entry.actor);
                return (
                  <tr key={entry.id}>
                    <Td>
                      <time dateTime={entry.createdAt} className="whitespace-nowrap">
                        {format.dateTime(new Date(entry.createdAt), {
                          dateStyle: "medium",
                          timeStyle: "medium",
                          timeZone,
                        })}
                      </time>
                    </Td>
                    <Td>
                      <div className="flex flex-col items-start gap-1">
                        {name ? <bdi className="font-medium">{name}</bdi> : null}
                        <Badge variant="secondary">{t(`actorTypes.${entry.actor.type}`)}</Badge>
                      </div>
                    </Td>
                    <Td>
                      <div className="flex flex-col gap-0.5">
                        {label ? <span className="font-medium">{label}</span> : null}
                        <code dir="ltr" className="font-mono text-xs text-muted-foreground">
                          {entry.action}
                        </code>
                      </div>
                    </Td>
                    <Td>
                      {entry.resourceType ? (
                        <div className="flex flex-col gap-0.5">
                          <code dir="ltr" className="font-mono text-xs">
                            {entry.resourceType}
                          </code>
                          {entry.resourceId ? (
                            <code
                              dir="ltr"
                              title={entry.resourceId}
                              className="font-mono text-xs text-muted-foreground"
                            >
                              {shortId(entry.resourceId)}
                            </code>
                          ) : null}
                        </div>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </Td>
                    <Td>
                      {entry.ip ? (
                        <code dir="ltr" className="font-mono text-xs">
                          {entry.ip}
                        </code>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </Td>
                    <Td className="w-64">
                      <MetadataDetails
                        summary={t("table.showDetails")}
                        requestIdLabel={t("table.requestId")}
                        requestId={entry.requestId}
                        metadata={entry.metadata}
                        none={t("table.noDetails")}
                      />
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </DataTable>

          <nav
            aria-label={t("pagination.label")}
            className="flex flex-wrap items-center justify-between gap-3 text-sm"
          >
            <p className="text-muted-foreground">
              {t("pagination.summary", {
                from: format.number(from),
                to: format.number(to),
                total: format.number(pagination.total),
              })}
            </p>
            <div className="flex items-center gap-3">
              <span className="text-muted-foreground">
                {t("pagination.page", {
                  page: format.number(pagination.page),
                  pages: format.number(Math.max(1, pagination.pages)),
                })}
              </span>
              <div className="flex items-center gap-1">
                <PageLink
                  href={`/settings/audit${auditSearchString({ ...state, page: pagination.page - 1 })}`}
                  disabled={pagination.page <= 1}
                  label={t("pagination.previous")}
                >
                  <ChevronLeft aria-hidden className="rtl:rotate-180" />
                </PageLink>
                <PageLink
                  href={`/settings/audit${auditSearchString({ ...state, page: pagination.page + 1 })}`}
                  disabled={pagination.page >= pagination.pages}
                  label={t("pagination.next")}
                >
                  <ChevronRight aria-hidden className="rtl:rotate-180" />
                </PageLink>
              </div>
            </div>
          </nav>
        </>
      )}
    </section>
  );
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function FilterField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
    </div>
  );
}

/** The entry's metadata and request id behind a disclosure; native <details>, no script. */
function MetadataDetails({
  summary,
  requestIdLabel,
  requestId,
  metadata,
  none,
}: {
  summary: string;
  requestIdLabel: string;
  requestId: string | null;
  metadata: Record<string, unknown>;
  none: string;
}) {
  const hasMetadata = Object.keys(metadata).length > 0;
  if (!hasMetadata && !requestId) return <span className="text-muted-foreground">{none}</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium text-primary underline-offset-4 hover:underline">
        {summary}
      </summary>
      <div className="mt-2 flex flex-col gap-2">
        {requestId ? (
          <p className="text-xs text-muted-foreground">
            {requestIdLabel}:{" "}
            <code dir="ltr" className="font-mono break-all text-foreground">
              {requestId}
            </code>
          </p>
        ) : null}
        {hasMetadata ? (
          <pre
            dir="ltr"
            className="max-h-64 max-w-64 overflow-auto rounded-md bg-muted p-2 text-start font-mono text-xs whitespace-pre-wrap break-all"
          >
            {JSON.stringify(metadata, null, 2)}
          </pre>
        ) : null}
      </div>
    </details>
  );
}

function PageLink({
  href,
  disabled,
  label,
  children,
}: {
  href: string;
  disabled: boolean;
  label: string;
  children: ReactNode;
}) {
  const className = cn(buttonVariants({ variant: "outline", size: "icon" }), "size-9");
  if (disabled) {
    return (
      <span
        role="link"
        aria-disabled="true"
        aria-label={label}
        className={cn(className, "opacity-50")}
      >
        {children}
      </span>
    );
  }
  return (
    <Link href={href} aria-label={label} className={className}>
      {children}
    </Link>
  );
}
