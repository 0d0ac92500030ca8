import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { AuthCard } from "../_components/auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata({
  params,
}: Pick<LocalePageProps, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "resetPassword" });
  return { title: t("metaTitle") };
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** The page a reset email's link opens: ?store=<slug>&token=<one-time token>. */
export default async function ResetPasswordPage({ params, searchParams }: LocalePageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const store = first(query.store).toLowerCase();
  const token = first(query.token);
  const t = await getTranslations({ locale, namespace: "resetPassword" });
  const complete =
    store.length > 0 &&
    store.length <= TENANT_SLUG_MAX &&
    TENANT_SLUG_PATTERN.test(store) &&
    token.length > 0 &&
    token.length <= 200;

  return (
    <AuthCard title={t("title")} subtitle={complete ? t("subtitle") : null}>
      {complete ? (
        <ResetPasswordForm store={store} token={token} />
      ) : (
        <div className="flex flex-col gap-5">
          <ErrorAlert title={t("errors.incomplete.title")}>
            <AlertDescription>{t("errors.incomplete.description")}</AlertDescription>
          </ErrorAlert>
          <Link href="/forgot-password" className={buttonVariants({ variant: "outline" })}>
            {t("askAgain")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
