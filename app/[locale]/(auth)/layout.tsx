import type { ReactNode } from "react";
import { Brand } from "@/components/admin/brand";
import { LocaleSwitcher } from "@/components/admin/locale-switcher";
import { resolveLocale } from "@/lib/admin/i18n/params";

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

/** The frame of the signed-out pages (sign in, accept an invitation): brand, language, one card. */
export default async function AuthLayout({ children, params }: Props) {
  await resolveLocale(params);
  return (
    <div className="flex min-h-dvh flex-col bg-linear-to-b from-primary-soft to-background">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Brand />
        <LocaleSwitcher />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        {children}
      </main>
    </div>
  );
}
