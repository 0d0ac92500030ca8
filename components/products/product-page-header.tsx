import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { PageHeader } from "@/components/ui/page-header";

/** Product pages' header: the breadcrumb leads back to the products list. */
export function ProductPageHeader(props: Omit<ComponentProps<typeof PageHeader>, "parent">) {
  const t = useTranslations("products");
  return <PageHeader parent={{ href: "/products", label: t("list.title") }} {...props} />;
}
