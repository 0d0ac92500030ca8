import "@fontsource/noto-sans/latin-400.css";
import "@fontsource/noto-sans/latin-500.css";
import "@fontsource/noto-sans/latin-600.css";
import "@fontsource/noto-sans/latin-700.css";
import "@fontsource/noto-sans-arabic/arabic-400.css";
import "@fontsource/noto-sans-arabic/arabic-500.css";
import "@fontsource/noto-sans-arabic/arabic-600.css";
import "@fontsource/noto-sans-arabic/arabic-700.css";
import "../globals.css";

import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { directionOf, routing } from "@/lib/admin/i18n/routing";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return {
    title: { template: `%s · ${t("appName")}`, default: t("appName") },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { themeColor: "#0f766e" };

// The root layout: <html lang dir> follows the locale, so the whole page mirrors in Arabic.
export default async function LocaleLayout({ children, params }: Props) {
  // Rendered per request, never prerendered: each page must carry its own CSP nonce (proxy.ts).
  await connection();
  const locale = await resolveLocale(params);

  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-dvh antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
