import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { PageHeader } from "@/components/ui/page-header";

/** Order pages' header: the breadcrumb leads back to the orders list. */
export function OrderPageHeader(props: Omit<ComponentProps<typeof PageHeader>, "parent">) {
  const t = useTranslations("orders");
  return <PageHeader parent={{ href: "/orders", label: t("list.title") }} {...props} />;
}
