import { getTranslations } from "next-intl/server";
import { getDisplayFormatter } from "@/lib/admin/format/server";
import { IconTitleCard } from "@/components/ui/card";
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
  const format = await getDisplayFormatter(locale);
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
export const OrderCard = IconTitleCard;
