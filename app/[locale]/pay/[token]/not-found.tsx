import { useTranslations } from "next-intl";
import { StatusPanel } from "./_components/status-panel";

/** An unknown, mistyped or cut-off link. No way into the admin from here: this is a customer. */
export default function CheckoutNotFound() {
  const t = useTranslations("Checkout.notFound");
  return (
    <div className="mx-auto max-w-xl">
      <StatusPanel tone="closed" title={t("title")} description={t("description")} />
    </div>
  );
}
