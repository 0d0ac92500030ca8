"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { DeleteProductDialog } from "@/components/products/delete-product-dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CardList, WideOnly } from "@/components/ui/card-list";
import { DataTable, TBody, Th, THead } from "@/components/ui/data-table";
import { SelectionCheckbox, useRowSelection } from "@/components/ui/data-table-selection";
import { bulkUpdateProducts, deleteProduct } from "../actions";
import { BulkToolbar } from "./bulk-toolbar";
import { ProductCard } from "./product-card";
import type { BulkAction } from "./outcome-alert";
import { ProductTableRow, type ProductRow } from "./product-row";
import { useReportOutcome } from "./products-feedback";
import { SortHeader, type SortHeaders } from "./sort-header";

interface TableProps {
  rows: ProductRow[];
  sortHeaders: SortHeaders;
  canWrite: boolean;
  caption: string;
}

export function ProductsTable({ rows, sortHeaders, canWrite, caption }: TableProps) {
  const t = useTranslations("products.table");
  const locale = useLocale();
  const selection = useRowSelection(rows.map((row) => row.id));
  const report = useReportOutcome();
  const [pending, startTransition] = useTransition();
  const [deleting, setDeleting] = useState<ProductRow | null>(null);
  const hydrated = useHydrated();

  function runBulk(action: BulkAction) {
    const ids = selection.selectedIds;
    const names = new Map(rows.map((row) => [row.id, row.name]));
    startTransition(async () => {
      const result = await bulkUpdateProducts(locale, { ids, action });
      if (!result.ok) {
        report({ kind: "error", code: result.error.code });
        return;
      }
      const { updated, errors } = result.data;
      report({
        kind: "bulk",
        action,
        updated: updated.length,
        failures: errors.map((e) => ({
          name: names.get(e.id) ?? { text: e.id, lang: "en", fallback: false },
          code: e.code,
        })),
      });
      // What could not be changed stays selected, ready for another try.
      selection.set(errors.map((e) => e.id));
    });
  }

  // What a row needs, the same for the table's row and the phone's card.
  const rowProps = (row: ProductRow) => ({
    row,
    canWrite,
    hydrated,
    selected: selection.isSelected(row.id),
    onSelect: (on: boolean) => selection.toggle(row.id, on),
    onDelete: () => setDeleting(row),
  });

  return (
    <div className="flex flex-col gap-3">
      {canWrite && selection.selectedIds.length > 0 ? (
        <BulkToolbar
          count={selection.selectedIds.length}
          pending={pending}
          onRun={runBulk}
          onClear={() => selection.set([])}
        />
      ) : null}

      <CardList label={caption} aria-busy={pending}>
        {canWrite && rows.length > 1 ? (
          <li className="flex items-center gap-3 bg-muted/60 px-4 py-2 text-sm text-muted-foreground">
            <SelectionCheckbox
              id="products-select-all-cards"
              disabled={!hydrated}
              checked={selection.all}
              indeterminate={selection.some}
              onChange={(event) =>
                selection.set(event.currentTarget.checked ? rows.map((r) => r.id) : [])
              }
            />
            <label htmlFor="products-select-all-cards">{t("selectAll")}</label>
          </li>
        ) : null}
        {rows.map((row) => (
          <ProductCard key={row.id} {...rowProps(row)} />
        ))}
      </CardList>

      <WideOnly>
        <DataTable caption={caption} minWidth="min-w-[36rem] lg:min-w-[44rem]" aria-busy={pending}>
          <THead>
            <tr>
              {canWrite ? (
                <Th className="w-10 pe-1">
                  <SelectionCheckbox
                    aria-label={t("selectAll")}
                    disabled={!hydrated}
                    checked={selection.all}
                    indeterminate={selection.some}
                    onChange={(event) =>
                      selection.set(event.currentTarget.checked ? rows.map((r) => r.id) : [])
                    }
                  />
                </Th>
              ) : null}
              <SortHeader
                column="name"
                header={sortHeaders.name}
                className={canWrite ? "ps-2" : ""}
              >
                {t("product")}
              </SortHeader>
              <Th>{t("status")}</Th>
              <SortHeader column="price" header={sortHeaders.price} align="end">
                {t("price")}
              </SortHeader>
              <SortHeader column="inventory" header={sortHeaders.inventory} align="end">
                {t("inventory")}
              </SortHeader>
              <SortHeader
                column="updated_at"
                header={sortHeaders.updated_at}
                className="hidden lg:table-cell"
              >
                {t("updated")}
              </SortHeader>
              <Th className="text-end">
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((row) => (
              <ProductTableRow key={row.id} {...rowProps(row)} />
            ))}
          </TBody>
        </DataTable>
      </WideOnly>

      {canWrite ? (
        <DeleteProductDialog
          product={deleting}
          onClose={() => setDeleting(null)}
          onConfirm={(id) => deleteProduct(locale, id)}
          onDone={(result, product) => {
            report(
              result.ok
                ? { kind: "removed", archived: result.data.archived, name: product.name }
                : { kind: "error", code: result.error.code },
            );
          }}
        />
      ) : null}
    </div>
  );
}
