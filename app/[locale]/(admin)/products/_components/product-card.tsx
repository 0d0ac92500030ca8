"use client";

import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/products/status-badge";
import { CardLine, CardListItem, CardMeta } from "@/components/ui/card-list";
import { SelectionCheckbox } from "@/components/ui/data-table-selection";
import { cn } from "@/lib/cn";
import {
  ProductIdentity,
  ProductRowActions,
  ProductStock,
  type ProductRowProps,
} from "./product-row";

/** A product on a phone: the table row's contents and actions (selection included) on a card. */
export function ProductCard({
  row,
  canWrite,
  hydrated,
  selected,
  onSelect,
  onDelete,
}: ProductRowProps) {
  const t = useTranslations("products.table");
  return (
    <CardListItem className={cn("gap-2", selected && "bg-primary-soft/60")}>
      <CardLine className="items-start">
        <div className="flex min-w-0 items-center gap-3">
          {canWrite ? (
            <SelectionCheckbox
              aria-label={t("select", { name: row.name.text })}
              disabled={!hydrated}
              checked={selected}
              onChange={(event) => onSelect(event.currentTarget.checked)}
            />
          ) : null}
          <ProductIdentity row={row} />
        </div>
        <ProductRowActions row={row} canWrite={canWrite} hydrated={hydrated} onDelete={onDelete} />
      </CardLine>
      <CardLine className="text-sm">
        <StatusBadge status={row.status} />
        <span className="font-medium whitespace-nowrap tabular-nums">{row.price}</span>
      </CardLine>
      <CardMeta
        items={[
          <span key="stock">
            {t("inventory")}: <ProductStock row={row} />
          </span>,
          <time key="updated" dateTime={row.updatedIso}>
            {row.updated}
          </time>,
        ]}
      />
    </CardListItem>
  );
}
