import type { ReactNode } from "react";
import { DataTable, TBody, Th, THead } from "@/components/ui/data-table";

/** A settings list: named columns, then a last column of row buttons named for screen readers. */
export function ListTable({
  caption,
  columns,
  actions,
  minWidth,
  children,
}: {
  caption: string;
  columns: string[];
  /** The action column's hidden heading. */
  actions: string;
  minWidth?: string;
  children: ReactNode;
}) {
  return (
    <DataTable caption={caption} minWidth={minWidth}>
      <THead>
        <tr>
          {columns.map((column) => (
            <Th key={column}>{column}</Th>
          ))}
          <Th className="text-end">
            <span className="sr-only">{actions}</span>
          </Th>
        </tr>
      </THead>
      <TBody>{children}</TBody>
    </DataTable>
  );
}
