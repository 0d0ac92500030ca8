import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Brand } from "@/components/admin/brand";
import { SessionKeepAlive } from "@/components/admin/session-keep-alive";
import { Sidebar } from "@/components/admin/sidebar";
import { SuspendedBanner } from "@/components/admin/suspended-banner";
import { Topbar } from "@/components/admin/topbar";
import { DisplayPreferencesProvider } from "@/lib/admin/format/client";
import { SESSION_POLL_SECONDS } from "@/lib/admin/next-auth";
import { requireMe } from "@/lib/admin/session";
import { routing } from "@/lib/admin/i18n/routing";
import { resolveLocale } from "@/lib/admin/i18n/params";
import { updateDisplayPreferences } from "./actions";

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

/** The store's name in the page's language, else in the other one, else its slug. */
function localizedName(
  name: Partial<Record<string, string>>,
  locale: string,
  fallback: string,
): string {
  const other = routing.locales.find((l) => l !== locale);
  return name[locale]?.trim() || (other && name[other]?.trim()) || fallback;
}

export default async function AdminLayout({ children, params }: Props) {
  const locale = await resolveLocale(params);
  // Each page checks the session too; a layout alone is not an authorization boundary.
  const { me } = await requireMe(locale);
  const t = await getTranslations({ locale, namespace: "Common" });
  const brand = <Brand />;

  return (
    <SessionKeepAlive pollSeconds={SESSION_POLL_SECONDS}>
      {/* Client components format numbers and dates with the person's digits and calendar. */}
      <DisplayPreferencesProvider preferences={me.preferences}>
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:start-4 focus:top-4"
        >
          {t("skipToContent")}
        </a>
        <div className="flex min-h-dvh">
          <Sidebar role={me.user.role} brand={brand} />
          <div className="flex min-w-0 flex-1 flex-col">
            <Topbar
              tenantName={localizedName(me.tenant.name, locale, me.tenant.slug)}
              tenantSlug={me.tenant.slug}
              user={me.user}
              brand={brand}
              savePreferences={updateDisplayPreferences}
            />
            {me.storeStatus === "suspended" ? (
              <SuspendedBanner isOwner={me.user.role === "owner"} />
            ) : null}
            <main
              id="main"
              tabIndex={-1}
              className="flex-1 px-4 py-6 outline-none md:px-8 md:py-8 print:p-0"
            >
              {/* List filters keep their state in the URL through nuqs (lib/search-params.ts). */}
              <NuqsAdapter>{children}</NuqsAdapter>
            </main>
          </div>
        </div>
      </DisplayPreferencesProvider>
    </SessionKeepAlive>
  );
}
