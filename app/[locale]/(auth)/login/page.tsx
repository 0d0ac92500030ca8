import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { setupStatus } from "@/components/stores/setup-status";
import { Link } from "@/lib/admin/i18n/navigation";
import { safeReturnPath, toLoginErrorCode } from "@/lib/admin/login-shared";
import { DEFAULT_TENANT } from "@/lib/admin/next-auth";
import { routing } from "@/lib/admin/i18n/routing";
import { resolveLocale, type LocalePageProps } from "@/lib/admin/i18n/params";
import { AuthCard } from "../_components/auth-card";
import { LoginForm } from "./login-form";

type Props = LocalePageProps;

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: t("loginTitle") };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  // No store yet: nobody can sign in, so the first visitor is sent to create one.
  const status = await setupStatus();
  if (status.needed) redirect(`/${locale}/setup`);
  const t = await getTranslations({ locale, namespace: "Login" });
  const callbackUrl = safeReturnPath(first(query.callbackUrl), routing.locales) ?? `/${locale}`;

  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <LoginForm
        defaultTenant={DEFAULT_TENANT}
        callbackUrl={callbackUrl}
        initialError={toLoginErrorCode(first(query.error))}
      />
      {status.signup === "open" ? (
        <p className="mt-6 border-t border-border pt-4 text-sm text-muted-foreground">
          {t("noStore")}{" "}
          <Link
            href="/signup"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {t("createStore")}
          </Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
