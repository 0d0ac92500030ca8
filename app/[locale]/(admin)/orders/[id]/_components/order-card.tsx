import type { LucideIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrderWithTimeline } from "@/lib/sdk";

/** What every card of the order page is given. */
export interface OrderCardProps {
  order: OrderWithTimeline;
  locale: "en" | "ar";
  timeZone: string;
}

/** The page's words and formats for one order: money in its currency, times in the store's zone. */
export async function orderFormat({ order, locale, timeZone }: OrderCardProps) {
  const t = await getTranslations({ locale, namespace: "orders" });
  const format = await getFormatter({ locale });
  return {
    t,
    format,
    money: (amount: number) =>
      format.number(amount, { style: "currency", currency: order.currency }),
    when: (iso: string) =>
      format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }),
  };
}

/** One card of the order page: an icon beside its title, maybe a sentence under it. */
export function OrderCard({
  icon: Icon,
  title,
  description,
  contentClassName,
  children,
}: {
  icon: LucideIcon;
  title: string;
  description?: string;
  contentClassName?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="pb-4">
        <CardTitle className="flex items-center gap-2 text-base">
          <Icon aria-hidden className="size-4 text-muted-foreground" />
          {title}
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
