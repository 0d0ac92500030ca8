import type { ReactNode } from "react";
import type { Role } from "@/lib/admin/next-auth";
import { SidebarNav } from "./sidebar-nav";

/**
 * The desktop sidebar on the start edge (left in English, right in Arabic). The column stretches
 * with the page and carries the background and border, so they reach the bottom of long pages
 * (and of full-page captures); only its content sticks to the viewport.
 */
export function Sidebar({ role, brand }: { role: Role; brand: ReactNode }) {
  return (
    <aside className="hidden w-64 shrink-0 border-e border-border bg-card md:block print:hidden">
      <div className="sticky top-0 flex max-h-dvh flex-col">
        <div className="flex h-16 shrink-0 items-center border-b border-border px-5">{brand}</div>
        <div className="min-h-0 overflow-y-auto">
          <SidebarNav role={role} />
        </div>
      </div>
    </aside>
  );
}
