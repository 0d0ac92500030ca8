"use client";

import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/admin/next-auth";
import { cn } from "@/lib/cn";
import { Link, usePathname } from "@/lib/admin/i18n/navigation";
import { isActive, navForRole } from "./nav";

interface NavProps {
  role: Role;
}

/** The navigation list, shared by the desktop sidebar and the mobile drawer. */
export function SidebarNav({ role, onNavigate }: NavProps & { onNavigate?: () => void }) {
  const t = useTranslations("Nav");
  const pathname = usePathname();

  return (
    <nav aria-label={t("label")} className="flex flex-col gap-1 p-3">
      <ul className="flex flex-col gap-1">
        {navForRole(role).map((item) => {
          const active = isActive(item, pathname);
          const Icon = item.icon;
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                  active
                    ? "bg-primary-soft text-primary-soft-foreground"
                    : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {t(`items.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** On small screens the sidebar becomes a drawer that slides from the start edge. */
export function MobileNav({ role, brand }: NavProps & { brand: ReactNode }) {
  const t = useTranslations("Nav");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  // Close the drawer once navigation lands on a new page.
  useEffect(() => {
    dialogRef.current?.close();
  }, [pathname]);

  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className="md:hidden"
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
      >
        <Menu aria-hidden />
        <span className="sr-only">{t("openMenu")}</span>
      </Button>
      {/* A modal <dialog> gives focus trapping, Escape to close and the top layer for free. */}
      <dialog
        ref={dialogRef}
        aria-label={t("label")}
        onClick={(event) => {
          // A click on the backdrop lands on the dialog element itself.
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        className="fixed inset-y-0 start-0 end-auto m-0 h-dvh max-h-none w-72 max-w-[85vw] border-e border-border bg-card p-0 text-foreground shadow-xl backdrop:bg-foreground/40 md:hidden"
      >
        <div className="flex h-16 items-center justify-between border-b border-border px-4">
          {brand}
          <Button variant="ghost" size="icon" onClick={() => dialogRef.current?.close()}>
            <X aria-hidden />
            <span className="sr-only">{t("closeMenu")}</span>
          </Button>
        </div>
        <SidebarNav role={role} onNavigate={() => dialogRef.current?.close()} />
      </dialog>
    </>
  );
}
