import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export interface BreakdownRow {
  key: string;
  label: ReactNode;
  /** Formatted figures, in the columns' order after the label. */
  cells: string[];
  /** 0 to 1: the bar under the label (the row's part of the first figure's total), if any. */
  share?: number;
  /** The share in words for screen readers ("40% of the total"). */
  shareLabel?: string;
}

/**
 * A small table of one breakdown (by status, source, provider), each row with a bar of its
 * share. The bar grows from the start edge, so it mirrors in Arabic with no extra rule.
 */
export function BreakdownCard({
  title,
  columns,
  rows,
  empty,
  children,
}: {
  title: string;
  /** The label column's header, then one per figure. */
  columns: string[];
  rows: BreakdownRow[];
  /** Shown instead of the table without any row. */
  empty: string;
  children?: ReactNode;
}) {
  const [first, ...figures] = columns;
  return (
    <Card className="min-w-0">
      <CardHeader className="pb-3">
        <CardTitle className="text-base">{title}</CardTitle>
        {children}
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          // Focusable, so a keyboard can scroll it when a phone is too narrow for its columns.
          <div role="region" aria-label={title} tabIndex={0} className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-border text-muted-foreground">
                  <th scope="col" className="py-2 pe-3 text-start font-medium">
                    {first}
                  </th>
                  {figures.map((column) => (
                    <th key={column} scope="col" className="px-2 py-2 text-end font-medium">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} className="border-b border-border last:border-b-0">
                    <th scope="row" className="py-2.5 pe-3 text-start font-normal">
                      <div className="flex flex-col gap-1.5">
                        {row.label}
                        {row.share === undefined ? null : (
                          <>
                            <span aria-hidden className="block h-1.5 rounded-full bg-muted">
                              <span
                                className="block h-full rounded-full bg-primary"
                                style={{ width: `${Math.round(row.share * 100)}%` }}
                              />
                            </span>
                            <span className="sr-only">{row.shareLabel}</span>
                          </>
                        )}
                      </div>
                    </th>
                    {row.cells.map((cell, index) => (
                      <td key={index} className="px-2 py-2.5 text-end tabular-nums">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
