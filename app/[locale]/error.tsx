"use client";

import { ErrorPanel } from "@/components/admin/error-panel";

// Catches errors in any page under a locale, including the admin layout itself.
export default function LocaleError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-6">
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
