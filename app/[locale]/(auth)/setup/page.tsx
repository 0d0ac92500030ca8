import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { storeOptions } from "@/components/stores/options";
import { setupStatus } from "@/components/stores/setup-status";
import { StoreCreateForm } from "@/components/stores/store-create-form";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { checkSlug, setupStore } from "./actions";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "setup" });
  return { title: t("metaTitle") };
}

/** First run: the platform has no store yet. Once one exists this page only leads to sign-in. */
export default async function SetupPage({ params }: Props) {
  const locale = await resolveLocale(params);
  if (!(await setupStatus()).needed) redirect(`/${locale}/login`);
  const t = await getTranslations({ locale, namespace: "setup" });
  const { currencies, timeZones } = await storeOptions(locale);

  return (
    // The (auth) layout gives the frame (brand, language); this form needs a wider card.
    <Card className="w-full max-w-2xl">
      <CardHeader className="gap-2 pb-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </CardHeader>
      <CardContent>
        <StoreCreateForm
          mode="setup"
          currencies={currencies}
          timeZones={timeZones}
          checkSlug={checkSlug}
          createStore={setupStore}
        />
      </CardContent>
    </Card>
  );
}
