"use client";

import { useQuery } from "@tanstack/react-query";
import { Eye, Inbox, SearchX } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useState } from "react";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { DeliveryDetailDialog } from "@/components/webhooks/delivery-detail-dialog";
import type { DeliveryPage, DeliveryRow } from "@/components/webhooks/delivery-rows";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { fetchJson } from "@/components/webhooks/fetch-json";
import { Link } from "@/lib/admin/i18n/navigation";
import { resendDelivery } from "../actions";
import { deliverySearchString, type DeliveryListState } from "../search-params";

/** While a delivery is pending the log asks again this often. */
const POLL_MS = 5_000;

export function DeliveriesClient({
  endpointId,
  basePath,
  search,
  state,
  filtered,
  canWrite,
  initial,
}: {
  endpointId: string;
  /** The log page's path without the locale. */
  basePath: string;
  /** The current filters as a query string ("" or "?..."). */
  search: string;
  state: DeliveryListState;
  filtered: boolean;
  /** Owners and admins may resend. */
  canWrite: boolean;
  initial: DeliveryPage;
}) {
  const t = useTranslations("webhooks.log");
  const locale = useLocale();
  const format = useDisplayFormatter();
  const [open, setOpen] = useState<DeliveryRow | null>(null);

  const query = useQuery({
    queryKey: ["webhook-deliveries", endpointId, search],
    queryFn: () => fetchJson<DeliveryPage>(`/${locale}${basePath}/deliveries${search}`),
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data?.rows.some((row) => row.status === "pending") ? POLL_MS : false,
  });
  const { rows, pagination } = query.data;
  const polling = rows.some((row) => row.status === "pending");

  if (pagination.total === 0) {
    return filtered ? (
      <EmptyState
        icon={<SearchX />}
        title={t("noResults.title")}
        description={t("noResults.description")}
      >
        <Link href={basePath} className={buttonVariants({ variant: "outline" })}>
          {t("filters.clear")}
        </Link>
      </EmptyState>
    ) : (
      <EmptyState icon={<Inbox />} title={t("empty.title")} description={t("empty.description")} />
    );
  }

  return (
    <>
      <p className="min-h-5 text-xs text-muted-foreground" role="status">
        {polling ? t("polling") : ""}
      </p>
      <DataTable caption={t("table.caption", { total: pagination.total })} minWidth="min-w-[52rem]">
        <THead>
          <tr>
            <Th>{t("table.event")}</Th>
            <Th>{t("table.status")}</Th>
            <Th>{t("table.attempts")}</Th>
            <Th>{t("table.lastStatus")}</Th>
            <Th>{t("table.created")}</Th>
            <Th>{t("table.nextAttempt")}</Th>
            <Th className="text-end">
              <span className="sr-only">{t("table.actions")}</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <tr key={row.id}>
              <Td>
                <code dir="ltr" className="font-mono text-xs">
                  {row.event}
                </code>
              </Td>
              <Td>
                <DeliveryStatusBadge status={row.status} />
              </Td>
              <Td>{format.number(row.attempts)}</Td>
              <Td>
                {row.lastStatusCode === null ? (
                  <span className="text-muted-foreground">—</span>
                ) : (
                  <span className="font-mono">{row.lastStatusCode}</span>
                )}
              </Td>
              <Td>
                <time dateTime={row.created.iso} className="whitespace-nowrap">
                  {row.created.text}
                </time>
              </Td>
              <Td>
                {row.nextAttempt ? (
                  <time dateTime={row.nextAttempt.iso} className="whitespace-nowrap">
                    {row.nextAttempt.text}
                  </time>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </Td>
              <Td className="py-2 text-end">
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setOpen(row)}
                  aria-label={t("table.viewFor", { event: row.event, time: row.created.text })}
                >
                  <Eye aria-hidden />
                  {t("table.view")}
                </Button>
              </Td>
            </tr>
          ))}
        </TBody>
      </DataTable>

      <Pagination
        label={t("pagination.label")}
        pagination={pagination}
        shown={rows.length}
        format={format}
        href={(page) => `${basePath}${deliverySearchString({ ...state, page })}`}
      />

      <DeliveryDetailDialog
        endpointId={endpointId}
        basePath={basePath}
        row={open}
        canResend={canWrite}
        resend={(deliveryId) => resendDelivery(locale, deliveryId)}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
