import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/admin/locale-switcher";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

export const metadata: Metadata = {
  // The link is a credential: no index, no cache, and no Referer to leave with it.
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

/**
 * The customer's frame around a hosted checkout: no admin chrome, only a note that the page is
 * secure and the language switch. The store's name is the page's, in its header.
 */
export default async function CheckoutLayout({ children, params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "Checkout" });
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <p className="flex items-center gap-2 text-sm font-medium text-muted-foreground">
            <Lock aria-hidden className="size-4 text-primary" />
            {t("secure")}
          </p>
          <LocaleSwitcher />
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
