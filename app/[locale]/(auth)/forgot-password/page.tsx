import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MailX } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { setupStatus } from "@/components/stores/setup-status";
import { Link } from "@/lib/admin/i18n/navigation";
import { DEFAULT_TENANT } from "@/lib/admin/next-auth";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { AuthCard } from "../_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata({
  params,
}: Pick<LocalePageProps, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "forgotPassword" });
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage({ params, searchParams }: LocalePageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "forgotPassword" });
  const raw = typeof query.store === "string" ? query.store.trim().toLowerCase() : "";
  const store =
    raw.length <= TENANT_SLUG_MAX && TENANT_SLUG_PATTERN.test(raw) ? raw : DEFAULT_TENANT;
  const { mail } = await setupStatus();

  return (
    <AuthCard title={t("title")} subtitle={mail === "on" ? t("subtitle") : null}>
      {mail === "on" ? (
        <ForgotPasswordForm defaultTenant={store} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert>
            <MailX aria-hidden />
            <AlertTitle>{t("mailOffTitle")}</AlertTitle>
            <AlertDescription>{t("mailOff")}</AlertDescription>
          </Alert>
          <Link href="/login" className={buttonVariants({ variant: "outline" })}>
            {t("backToSignIn")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
