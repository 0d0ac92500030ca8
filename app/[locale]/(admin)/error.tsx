"use client";

import { ErrorPanel } from "@/components/admin/error-panel";

// Errors inside an admin page keep the shell (sidebar, top bar) around them.
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
