import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { Badge } from "@/components/ui/badge";
import { CardFields, CardLine, CardList, CardListItem, WideOnly } from "@/components/ui/card-list";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import type { AuditEntry } from "@/lib/sdk";

/** One page of the audit log: when, who, what, on which resource, from where, and details. */
export async function AuditTable({
  entries,
  total,
  locale,
  timeZone,
}: {
  entries: AuditEntry[];
  total: number;
  locale: Locale;
  timeZone: string;
}) {
  const t = await getTranslations({ locale, namespace: "settings.audit" });
  const format = await getDisplayFormatter(locale);
  // In words; the code itself only for one this release has no words for (a newer server's).
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(/\./g, "_")}`;
    return t.has(key as "actions.tenant_updated") ? t(key as "actions.tenant_updated") : null;
  };
  const resourceLabel = (type: string) => {
    const key = `resources.${type}`;
    return t.has(key as "resources.order") ? t(key as "resources.order") : null;
  };
  const actorName = (actor: AuditEntry["actor"]) =>
    actor.name ?? (actor.type === "system" || actor.type === "anonymous" ? null : actor.id);

  // Each column's contents once, for the table's cells and the phone's cards.
  const cells = (entry: AuditEntry) => {
    const label = actionLabel(entry.action);
    const name = actorName(entry.actor);
    return {
      time: (
        <time dateTime={entry.createdAt} className="whitespace-nowrap">
          {format.dateTime(new Date(entry.createdAt), {
            dateStyle: "medium",
            timeStyle: "medium",
            timeZone,
          })}
        </time>
      ),
      actor: (
        <div className="flex flex-col items-start gap-1">
          {name ? <bdi className="font-medium">{name}</bdi> : null}
          <Badge variant="secondary">{t(`actorTypes.${entry.actor.type}`)}</Badge>
        </div>
      ),
      action: label ? (
        <span className="font-medium" title={entry.action}>
          {label}
        </span>
      ) : (
        <code dir="ltr" className="font-mono text-xs">
          {entry.action}
        </code>
      ),
      resource: entry.resourceType ? (
        <div className="flex flex-col gap-0.5">
          {resourceLabel(entry.resourceType) ? (
            <span title={entry.resourceType}>{resourceLabel(entry.resourceType)}</span>
          ) : (
            <code dir="ltr" className="font-mono text-xs">
              {entry.resourceType}
            </code>
          )}
          {entry.resourceId ? (
            <code
              dir="ltr"
              title={entry.resourceId}
              className="self-start font-mono text-xs text-muted-foreground"
            >
              {shortId(entry.resourceId)}
            </code>
          ) : null}
        </div>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
      ip: entry.ip ? (
        <code dir="ltr" className="font-mono text-xs">
          {entry.ip}
        </code>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
      details: (
        <MetadataDetails
          summary={t("table.showDetails")}
          requestIdLabel={t("table.requestId")}
          requestId={entry.requestId}
          metadata={entry.metadata}
          none={t("table.noDetails")}
        />
      ),
    };
  };
  const caption = t("table.caption", { total });

  return (
    <>
      <CardList label={caption}>
        {entries.map((entry) => {
          const c = cells(entry);
          return (
            <CardListItem key={entry.id} className="gap-2">
              <CardLine className="items-start">
                {c.action}
                <span className="text-xs text-muted-foreground">{c.time}</span>
              </CardLine>
              <CardFields
                fields={[
                  { label: t("table.actor"), value: c.actor },
                  { label: t("table.resource"), value: c.resource },
                  { label: t("table.ip"), value: c.ip },
                ]}
              />
              {c.details}
            </CardListItem>
          );
        })}
      </CardList>
      <WideOnly>
        <DataTable caption={caption} minWidth="min-w-[58rem]">
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
            {entries.map((entry) => {
              const c = cells(entry);
              return (
                <tr key={entry.id}>
                  <Td>{c.time}</Td>
                  <Td>{c.actor}</Td>
                  <Td>{c.action}</Td>
                  <Td>{c.resource}</Td>
                  <Td>{c.ip}</Td>
                  <Td className="w-64">{c.details}</Td>
                </tr>
              );
            })}
          </TBody>
        </DataTable>
      </WideOnly>
    </>
  );
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
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
