import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { PaymentStatus } from "@/lib/payments/constants";

// The order badges' palette (components/orders/status-badge.tsx): soft background, dark text, a dot.
const STYLES: Record<PaymentStatus, { badge: string; dot: string }> = {
  pending: { badge: "bg-amber-50 text-amber-900 border-amber-200", dot: "bg-amber-500" },
  completed: { badge: "bg-emerald-50 text-emerald-900 border-emerald-200", dot: "bg-emerald-600" },
  failed: { badge: "bg-red-50 text-red-900 border-red-200", dot: "bg-red-600" },
  cancelled: { badge: "bg-muted text-muted-foreground border-border", dot: "bg-slate-400" },
  partially_refunded: {
    badge: "bg-orange-50 text-orange-900 border-orange-200",
    dot: "bg-orange-500",
  },
  refunded: { badge: "bg-rose-50 text-rose-900 border-rose-200", dot: "bg-rose-600" },
};

/** A payment's status in words with a colour per status; colour is never the only signal. */
export function PaymentStatusBadge({
  status,
  className,
}: {
  status: PaymentStatus;
  className?: string;
}) {
  const t = useTranslations("Payments.status");
  const style = STYLES[status];
  return (
    <Badge variant="outline" className={cn(style.badge, className)} data-status={status}>
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {t(status)}
    </Badge>
  );
}
