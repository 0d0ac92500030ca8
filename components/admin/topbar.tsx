import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/admin/next-auth";
import type { SavePreferences } from "./display-preferences-menu";
import { LocaleSwitcher } from "./locale-switcher";
import { MobileNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

interface TopbarProps {
  tenantName: string;
  tenantSlug: string;
  user: SessionUser;
  brand: ReactNode;
  /** The profile menu's server action for the person's digits and calendar. */
  savePreferences: SavePreferences;
}

export function Topbar({ tenantName, tenantSlug, user, brand, savePreferences }: TopbarProps) {
  return (
    <header className="sticky top-0 z-20 flex h-16 items-center print:hidden gap-2 border-b border-border bg-card/95 px-3 backdrop-blur sm:gap-3 md:px-6">
      <MobileNav role={user.role} brand={brand} />
      <div className="flex min-w-0 flex-1 flex-col leading-tight">
        <span className="truncate text-sm font-semibold sm:text-base">{tenantName}</span>
        <span className="truncate text-xs text-muted-foreground">{tenantSlug}</span>
      </div>
      <LocaleSwitcher />
      <UserMenu user={user} savePreferences={savePreferences} />
    </header>
  );
}
