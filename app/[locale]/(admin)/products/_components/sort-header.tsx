import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Th } from "@/components/ui/data-table";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import type { SortColumn } from "../search-params";

/** A sortable column's link (the next sort order) and its current direction, from the server. */
export interface SortHeaderState {
  href: string;
  direction: "ascending" | "descending" | null;
}

export type SortHeaders = Record<SortColumn, SortHeaderState>;

export function SortHeader({
  column,
  header,
  align = "start",
  className,
  children,
}: {
  column: SortColumn;
  header: SortHeaderState;
  align?: "start" | "end";
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations("products.table");
  const Icon =
    header.direction === "ascending"
      ? ArrowUp
      : header.direction === "descending"
        ? ArrowDown
        : ArrowUpDown;
  return (
    <Th
      aria-sort={header.direction ?? undefined}
      className={cn(align === "end" && "text-end", className)}
      data-column={column}
    >
      <Link
        href={header.href}
        scroll={false}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm hover:text-foreground",
          header.direction && "text-foreground",
        )}
      >
        {children}
        <Icon aria-hidden className={cn("size-3.5", !header.direction && "opacity-50")} />
        <span className="sr-only">
          {header.direction === "ascending" ? t("sortDescending") : t("sortAscending")}
        </span>
      </Link>
    </Th>
  );
}
