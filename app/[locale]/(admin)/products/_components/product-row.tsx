"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ProductName, type DisplayName } from "@/components/products/product-name";
import { ProductThumbnail } from "@/components/products/product-thumbnail";
import { StatusBadge } from "@/components/products/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Td } from "@/components/ui/data-table";
import { SelectionCheckbox } from "@/components/ui/data-table-selection";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import type { ProductStatus } from "@/lib/products/contract";

/** One table row, already formatted by the server (so server and browser render the same). */
export interface ProductRow {
  id: string;
  name: DisplayName;
  sku: string | null;
  status: ProductStatus;
  price: string;
  inventory: string;
  /** Nothing left to sell: the row says so in words, not only with a 0. */
  outOfStock: boolean;
  updated: string;
  updatedIso: string;
  thumbnail: string | null;
}

export interface ProductRowProps {
  row: ProductRow;
  canWrite: boolean;
  /** Selection and deletion need JavaScript; until it runs, their controls stay off. */
  hydrated: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onDelete: () => void;
}

export function ProductTableRow({
  row,
  canWrite,
  hydrated,
  selected,
  onSelect,
  onDelete,
}: ProductRowProps) {
  const t = useTranslations("products.table");
  return (
    <tr className={selected ? "bg-primary-soft/60" : "hover:bg-muted/50"}>
      {canWrite ? (
        <Td className="w-10 py-0 pe-1 align-middle">
          <SelectionCheckbox
            aria-label={t("select", { name: row.name.text })}
            disabled={!hydrated}
            checked={selected}
            onChange={(event) => onSelect(event.currentTarget.checked)}
          />
        </Td>
      ) : null}
      <th
        scope="row"
        className={cn("min-w-56 py-3 pe-3 text-start font-normal", canWrite ? "ps-2" : "ps-4")}
      >
        <ProductIdentity row={row} />
      </th>
      <Td className="align-middle">
        <StatusBadge status={row.status} />
      </Td>
      <Td className="text-end align-middle whitespace-nowrap tabular-nums">{row.price}</Td>
      <Td className="text-end align-middle tabular-nums">
        <ProductStock row={row} />
      </Td>
      <Td className="hidden align-middle whitespace-nowrap text-muted-foreground lg:table-cell">
        <time dateTime={row.updatedIso}>{row.updated}</time>
      </Td>
      <Td className="py-2 align-middle">
        <ProductRowActions row={row} canWrite={canWrite} hydrated={hydrated} onDelete={onDelete} />
      </Td>
    </tr>
  );
}

/** The row's edit link and delete button, on the table row and on the phone's card alike. */
export function ProductRowActions({
  row,
  canWrite,
  hydrated,
  onDelete,
}: Pick<ProductRowProps, "row" | "canWrite" | "hydrated" | "onDelete">) {
  const t = useTranslations("products.table");
  return (
    <div className="flex items-center justify-end gap-1">
      <Link
        href={`/products/${row.id}`}
        className={buttonVariants({ variant: "ghost", size: "icon" })}
        aria-label={
          canWrite ? t("edit", { name: row.name.text }) : t("view", { name: row.name.text })
        }
      >
        <Pencil aria-hidden />
      </Link>
      {canWrite ? (
        <Button
          variant="ghost"
          size="icon"
          className="text-destructive hover:bg-destructive-soft"
          aria-label={t("delete", { name: row.name.text })}
          aria-haspopup="dialog"
          disabled={!hydrated}
          onClick={onDelete}
        >
          <Trash2 aria-hidden />
        </Button>
      ) : null}
    </div>
  );
}

/** The thumbnail, the linked name and the SKU: what says which product a row is. */
export function ProductIdentity({ row }: { row: ProductRow }) {
  const t = useTranslations("products.table");
  return (
    <div className="flex items-center gap-3">
      <ProductThumbnail src={row.thumbnail} />
      <div className="flex min-w-0 flex-col gap-0.5">
        <Link
          href={`/products/${row.id}`}
          className="font-medium text-foreground underline-offset-4 hover:underline"
        >
          <ProductName name={row.name} />
        </Link>
        <span className="text-xs text-muted-foreground">
          {row.sku ? (
            <bdi dir="ltr" className="font-mono">
              {row.sku}
            </bdi>
          ) : (
            t("noSku")
          )}
        </span>
      </div>
    </div>
  );
}

/** The stock, or "Out of stock" in words when nothing is left. */
export function ProductStock({ row }: { row: ProductRow }) {
  const t = useTranslations("products.table");
  return row.outOfStock ? (
    <Badge variant="secondary" className="text-destructive">
      {t("outOfStock")}
    </Badge>
  ) : (
    <>{row.inventory}</>
  );
}
