"use client";

import { RefreshCw, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ListTable } from "@/components/settings/list-table";
import { ScopeBadges } from "@/components/settings/scope-badges";
import { Badge } from "@/components/ui/badge";
import { CardFields, CardLine, CardList, CardListItem, WideOnly } from "@/components/ui/card-list";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/data-table";
import type { Scope } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";
import type { ApiKey } from "@/lib/sdk";

interface When {
  iso: string;
  date: string;
  time: string;
}

/** One key as the table shows it, dates already formatted by the server. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: Scope[];
  createdBy: string | null;
  created: When;
  lastUsed: When | null;
  expires: When | null;
  status: ApiKey["status"];
}

const STATUS_STYLES: Record<ApiKey["status"], { className: string; dot: string }> = {
  active: { className: "", dot: "bg-primary" },
  expiring: { className: "border-border bg-card text-foreground", dot: "bg-amber-500" },
  expired: { className: "border-transparent bg-muted text-muted-foreground", dot: "bg-input" },
  revoked: {
    className: "border-transparent bg-destructive-soft text-destructive-soft-foreground",
    dot: "bg-destructive",
  },
};

function KeyStatus({ status }: { status: ApiKey["status"] }) {
  const t = useTranslations("settings.apiKeys.status");
  const style = STATUS_STYLES[status];
  return (
    <Badge className={style.className}>
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {t(status)}
    </Badge>
  );
}

/** A date over its time, so the table stays narrow enough for a laptop screen. */
function DateCell({ when, empty }: { when: When | null; empty: string }) {
  return when ? (
    <time dateTime={when.iso} className="flex flex-col whitespace-nowrap">
      <span>{when.date}</span>
      <span className="text-xs text-muted-foreground">{when.time}</span>
    </time>
  ) : (
    <span className="text-muted-foreground">{empty}</span>
  );
}

interface RowActions {
  onRoll: (row: ApiKeyRow) => void;
  onRevoke: (row: ApiKeyRow) => void;
}

export function KeysTable({ rows, ...actions }: { rows: ApiKeyRow[] } & RowActions) {
  const t = useTranslations("settings.apiKeys.table");
  return (
    <>
      <CardList label={t("caption", { count: rows.length })}>
        {rows.map((row) => (
          <KeyCard key={row.id} row={row} {...actions} />
        ))}
      </CardList>
      <WideOnly>
        <ListTable
          caption={t("caption", { count: rows.length })}
          columns={[t("name"), t("scopes"), t("created"), t("lastUsed"), t("expires"), t("status")]}
          actions={t("actions")}
          minWidth="min-w-[50rem]"
        >
          {rows.map((row) => (
            <KeyRow key={row.id} row={row} {...actions} />
          ))}
        </ListTable>
      </WideOnly>
    </>
  );
}

function KeyRow({ row, onRoll, onRevoke }: { row: ApiKeyRow } & RowActions) {
  const t = useTranslations("settings.apiKeys");
  const live = row.status === "active" || row.status === "expiring";
  return (
    <tr className={live ? undefined : "text-muted-foreground"}>
      <Td className="min-w-36">
        <KeyName row={row} />
      </Td>
      <Td>
        <KeyScopes row={row} className="w-40" />
      </Td>
      <Td>
        <div className="flex flex-col gap-0.5">
          <time dateTime={row.created.iso} className="whitespace-nowrap">
            {row.created.date}
          </time>
          <span className="text-xs text-muted-foreground">
            {row.createdBy ? t("table.by", { name: row.createdBy }) : t("table.byUnknown")}
          </span>
        </div>
      </Td>
      <Td>
        <DateCell when={row.lastUsed} empty={t("table.never")} />
      </Td>
      <Td>
        <DateCell when={row.expires} empty={t("table.noExpiry")} />
      </Td>
      <Td>
        <KeyStatus status={row.status} />
      </Td>
      <Td className="py-2">
        <KeyActions row={row} onRoll={onRoll} onRevoke={onRevoke} />
      </Td>
    </tr>
  );
}

function KeyScopes({ row, className }: { row: ApiKeyRow; className?: string }) {
  const t = useTranslations("settings.apiKeys");
  return <ScopeBadges scopes={row.scopes} label={t("table.scopes")} className={className} />;
}

/** Roll (active keys only) and revoke (while the key still works), on the row and the card. */
function KeyActions({ row, onRoll, onRevoke }: { row: ApiKeyRow } & RowActions) {
  const t = useTranslations("settings.apiKeys");
  const live = row.status === "active" || row.status === "expiring";
  return (
    <div className="flex items-center justify-end gap-1">
      {row.status === "active" ? (
        <Button
          variant="ghost"
          size="icon"
          className="size-9"
          onClick={() => onRoll(row)}
          aria-label={t("roll.buttonFor", { name: row.name })}
          title={t("roll.button")}
        >
          <RefreshCw aria-hidden />
        </Button>
      ) : null}
      {live ? (
        <Button
          variant="ghost"
          size="icon"
          className="size-9 text-destructive hover:bg-destructive-soft"
          onClick={() => onRevoke(row)}
          aria-label={t("revoke.buttonFor", { name: row.name })}
          title={t("revoke.button")}
        >
          <Trash2 aria-hidden />
        </Button>
      ) : null}
    </div>
  );
}

/** A key on a phone: name, status and actions first, then its permissions and dates. */
function KeyCard({ row, onRoll, onRevoke }: { row: ApiKeyRow } & RowActions) {
  const t = useTranslations("settings.apiKeys");
  const live = row.status === "active" || row.status === "expiring";
  return (
    <CardListItem className={cn("gap-3", live ? undefined : "text-muted-foreground")}>
      <CardLine className="items-start">
        <KeyName row={row} />
        <KeyActions row={row} onRoll={onRoll} onRevoke={onRevoke} />
      </CardLine>
      <div>
        <KeyStatus status={row.status} />
      </div>
      <KeyScopes row={row} />
      <CardFields
        fields={[
          {
            label: t("table.created"),
            value: (
              <>
                <time dateTime={row.created.iso}>{row.created.date}</time>{" "}
                <span className="text-xs text-muted-foreground">
                  {row.createdBy ? t("table.by", { name: row.createdBy }) : t("table.byUnknown")}
                </span>
              </>
            ),
          },
          {
            label: t("table.lastUsed"),
            value: <DateCell when={row.lastUsed} empty={t("table.never")} />,
          },
          {
            label: t("table.expires"),
            value: <DateCell when={row.expires} empty={t("table.noExpiry")} />,
          },
        ]}
      />
    </CardListItem>
  );
}

/** The key's name over its prefix and last four. */
function KeyName({ row }: { row: ApiKeyRow }) {
  return (
    <div className="flex flex-col gap-1">
      <bdi className="font-medium">{row.name}</bdi>
      {/* The key itself is never shown again: its prefix and last four identify it. */}
      <code
        dir="ltr"
        className="self-start font-mono text-xs whitespace-nowrap text-muted-foreground"
      >
        {row.prefix}…{row.last4}
      </code>
    </div>
  );
}
