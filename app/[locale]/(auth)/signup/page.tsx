import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { storeOptions } from "@/components/stores/options";
import { setupStatus } from "@/components/stores/setup-status";
import { StoreCreateForm } from "@/components/stores/store-create-form";
import { Link } from "@/lib/admin/i18n/navigation";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { checkSlug, signupStore } from "../setup/actions";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "signup" });
  return { title: t("metaTitle") };
}

/** Public sign-up, for operators hosting many merchants: only when the API says it is open. */
export default async function SignupPage({ params }: Props) {
  const locale = await resolveLocale(params);
  if ((await setupStatus()).signup !== "open") notFound();
  const t = await getTranslations({ locale, namespace: "signup" });
  const { currencies, timeZones } = await storeOptions(locale);

  return (
    // The (auth) layout gives the frame (brand, language); this form needs a wider card.
    <Card className="w-full max-w-2xl">
      <CardHeader className="gap-2 pb-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <StoreCreateForm
          mode="signup"
          currencies={currencies}
          timeZones={timeZones}
          checkSlug={checkSlug}
          createStore={signupStore}
        />
        <p className="border-t border-border pt-4 text-sm text-muted-foreground">
          {t("haveAccount")}{" "}
          <Link
            href="/login"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {t("signIn")}
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
