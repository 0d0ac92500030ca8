import { FileX } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";

/** An unknown, mistyped or cut-off link. No way into the admin from here: this is a customer. */
export default function CustomerInvoiceNotFound() {
  const t = useTranslations("Invoices.notFound");
  return <EmptyState icon={<FileX />} title={t("title")} description={t("description")} />;
}
