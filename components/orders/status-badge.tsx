import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { OrderStatus } from "@/lib/orders/contract";

// Soft backgrounds with dark text (AA contrast); the dot repeats the hue for a quick scan.
const STYLES: Record<OrderStatus, { badge: string; dot: string }> = {
  pending: { badge: "bg-amber-50 text-amber-900 border-amber-200", dot: "bg-amber-500" },
  paid: { badge: "bg-sky-50 text-sky-900 border-sky-200", dot: "bg-sky-600" },
  fulfilled: { badge: "bg-violet-50 text-violet-900 border-violet-200", dot: "bg-violet-600" },
  completed: { badge: "bg-emerald-50 text-emerald-900 border-emerald-200", dot: "bg-emerald-600" },
  cancelled: { badge: "bg-muted text-muted-foreground border-border", dot: "bg-slate-400" },
  refunded: { badge: "bg-rose-50 text-rose-900 border-rose-200", dot: "bg-rose-600" },
  partially_refunded: {
    badge: "bg-orange-50 text-orange-900 border-orange-200",
    dot: "bg-orange-500",
  },
};

/** The status in words with a colour per status; colour is never the only signal. */
export function OrderStatusBadge({
  status,
  className,
}: {
  status: OrderStatus;
  className?: string;
}) {
  const t = useTranslations("orders.status");
  const style = STYLES[status];
  return (
    <Badge variant="outline" className={cn(style.badge, className)} data-status={status}>
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {t(status)}
    </Badge>
  );
}
