import { Store } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

export function Brand({ className }: { className?: string }) {
  const t = useTranslations("Metadata");
  return (
    <span className={cn("flex items-center gap-2.5 font-semibold text-foreground", className)}>
      <span
        aria-hidden
        className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground"
      >
        <Store className="size-4" />
      </span>
      <span>{t("appName")}</span>
    </span>
  );
}
