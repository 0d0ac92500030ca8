import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { DeliveryStatus } from "./events";

const STYLES: Record<DeliveryStatus, { className: string; dot: string }> = {
  pending: { className: "border-border bg-card text-foreground", dot: "bg-amber-500" },
  succeeded: {
    className: "border-transparent bg-success-soft text-success-soft-foreground",
    dot: "bg-success-soft-foreground",
  },
  failed: {
    className: "border-transparent bg-destructive-soft text-destructive-soft-foreground",
    dot: "bg-destructive",
  },
  cancelled: { className: "border-transparent bg-muted text-muted-foreground", dot: "bg-input" },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useTranslations("webhooks.status");
  const style = STYLES[status];
  return (
    <Badge className={style.className}>
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {t(status)}
    </Badge>
  );
}
