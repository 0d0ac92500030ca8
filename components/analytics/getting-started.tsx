import { ChartLine, CreditCard, Link2, Package, ShoppingCart } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/admin/i18n/navigation";

/**
 * The dashboard of a store without any order yet: what it will show, and the steps that get the
 * first sale in (each a link where the role may take it).
 */
export function GettingStarted({
  canAddProduct,
  canCreateOrder,
  canConnectPayments,
}: {
  canAddProduct: boolean;
  canCreateOrder: boolean;
  canConnectPayments: boolean;
}) {
  const t = useTranslations("Analytics.empty");
  return (
    <Card className="flex flex-col items-center gap-6 px-6 py-12 text-center">
      <span
        aria-hidden
        className="flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground [&_svg]:size-6"
      >
        <ChartLine />
      </span>
      <div className="flex max-w-lg flex-col gap-1.5">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="text-muted-foreground">{t("description")}</p>
      </div>
      <ol className="grid w-full max-w-3xl gap-3 text-start sm:grid-cols-3">
        <Step icon={<Package />} title={t("addProduct")} hint={t("addProductHint")}>
          {canAddProduct ? <StepLink href="/products/new">{t("addProduct")}</StepLink> : null}
        </Step>
        <Step icon={<ShoppingCart />} title={t("createOrder")} hint={t("createOrderHint")}>
          {canCreateOrder ? <StepLink href="/orders/new">{t("createOrder")}</StepLink> : null}
        </Step>
        <Step icon={<Link2 />} title={t("shareCheckout")} hint={t("shareCheckoutHint")}>
          {canConnectPayments ? (
            <StepLink href="/settings/payments" icon={<CreditCard aria-hidden />}>
              {t("connectPayments")}
            </StepLink>
          ) : null}
        </Step>
      </ol>
    </Card>
  );
}

function Step({
  icon,
  title,
  hint,
  children,
}: {
  icon: ReactNode;
  title: string;
  hint: string;
  children?: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-border p-4">
      <span aria-hidden className="text-primary [&_svg]:size-5">
        {icon}
      </span>
      <h3 className="font-medium">{title}</h3>
      <p className="flex-1 text-sm text-muted-foreground">{hint}</p>
      {children}
    </li>
  );
}

function StepLink({ href, icon, children }: { href: string; icon?: ReactNode; children: string }) {
  return (
    <Link href={href} className={buttonVariants({ variant: "outline", size: "sm" })}>
      {icon}
      {children}
    </Link>
  );
}
