import type { ReactNode } from "react";
import type { Role } from "@/lib/admin/next-auth";
import { SidebarNav } from "./sidebar-nav";

/** The desktop sidebar on the start edge (left in English, right in Arabic). */
export function Sidebar({ role, brand }: { role: Role; brand: ReactNode }) {
  return (
    <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-e border-border bg-card md:flex">
      <div className="flex h-16 items-center border-b border-border px-5">{brand}</div>
      <SidebarNav role={role} />
    </aside>
  );
}
