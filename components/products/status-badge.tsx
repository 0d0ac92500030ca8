import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { ProductStatus } from "@/lib/products/contract";

const STYLES: Record<ProductStatus, { variant: "default" | "secondary" | "outline"; dot: string }> =
  {
    active: { variant: "default", dot: "bg-primary" },
    draft: { variant: "secondary", dot: "bg-muted-foreground" },
    archived: { variant: "outline", dot: "bg-input" },
  };

/** The status in words with a coloured dot; colour is never the only signal. */
export function StatusBadge({ status, className }: { status: ProductStatus; className?: string }) {
  const t = useTranslations("products.status");
  const style = STYLES[status];
  return (
    <Badge variant={style.variant} className={className}>
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {t(status)}
    </Badge>
  );
}
