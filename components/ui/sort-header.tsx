import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { Th } from "@/components/ui/data-table";
import { Link } from "@/lib/admin/i18n/navigation";
import { cn } from "@/lib/cn";

/** A sortable column's link (the list in its next order) and its current direction. */
export type SortLink = { href: string; direction: "ascending" | "descending" | null };

/**
 * A column header that sorts a server-rendered list by link. Clicking sorts newest/largest first,
 * then toggles, so the link's screen-reader text names the order it leads to.
 */
export function SortHeader({
  href,
  direction,
  align = "start",
  labels,
  children,
}: SortLink & {
  align?: "start" | "end";
  labels: { ascending: string; descending: string };
  children: ReactNode;
}) {
  const Icon =
    direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <Th aria-sort={direction ?? undefined} className={align === "end" ? "text-end" : "text-start"}>
      <Link
        href={href}
        scroll={false}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm hover:text-foreground",
          direction && "text-foreground",
        )}
      >
        {children}
        <Icon aria-hidden className={cn("size-3.5", !direction && "opacity-50")} />
        {/* The link's effect: the other direction. */}
        <span className="sr-only">
          {direction === "descending" ? labels.ascending : labels.descending}
        </span>
      </Link>
    </Th>
  );
}
