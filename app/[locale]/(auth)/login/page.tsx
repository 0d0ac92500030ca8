import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Brand } from "@/components/admin/brand";
import { LocaleSwitcher } from "@/components/admin/locale-switcher";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { setupStatus } from "@/components/stores/setup-status";
import { Link } from "@/lib/admin/i18n/navigation";
import { safeReturnPath, toLoginErrorCode } from "@/lib/admin/login-shared";
import { DEFAULT_TENANT } from "@/lib/admin/next-auth";
import { routing } from "@/lib/admin/i18n/routing";
import { LoginForm } from "./login-form";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

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
    <div className="flex min-h-dvh flex-col bg-linear-to-b from-primary-soft to-background">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Brand />
        <LocaleSwitcher />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <Card className="w-full max-w-md">
          <CardHeader className="gap-2 pb-4">
            <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
            <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
          </CardHeader>
          <CardContent>
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
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
