import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/admin/locale-switcher";

export const metadata: Metadata = {
  // The link is a credential: no index, no cache, and no Referer to leave with it.
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

/** The customer's frame around an invoice: no admin, only the language switch (not printed). */
export default function CustomerInvoiceLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40 print:bg-white">
      <header className="border-b border-border bg-card print:hidden">
        <div className="mx-auto flex w-full max-w-4xl items-center justify-end gap-4 px-4 py-3 sm:px-6">
          <LocaleSwitcher />
        </div>
      </header>
      <main className="mx-auto w-full max-w-4xl flex-1 px-4 py-8 sm:px-6 print:p-0">
        {children}
      </main>
    </div>
  );
}
