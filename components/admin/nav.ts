import {
  ChartLine,
  CreditCard,
  FileText,
  House,
  Package,
  Settings,
  ShoppingCart,
  type LucideIcon,
} from "lucide-react";
import type { Messages } from "next-intl";
import type { Role } from "@/lib/admin/next-auth";

export interface NavItem {
  /** Label key under `Nav.items` in messages/*.json. */
  key: keyof Messages["Nav"]["items"];
  /** Path without the locale prefix. */
  href: string;
  icon: LucideIcon;
  /** Only these roles see the item; omit for everyone. The API enforces access regardless. */
  roles?: readonly Role[];
}

// The admin's sidebar, in order. Adding an area is one line here (plus its label in messages).
export const adminNav: readonly NavItem[] = [
  { key: "home", href: "/", icon: House },
  { key: "orders", href: "/orders", icon: ShoppingCart },
  { key: "payments", href: "/payments", icon: CreditCard },
  { key: "invoices", href: "/invoices", icon: FileText },
  { key: "products", href: "/products", icon: Package },
  { key: "analytics", href: "/analytics", icon: ChartLine },
  // Staff and viewers have no settings to change: no Settings menu (docs/roles.md).
  { key: "settings", href: "/settings", icon: Settings, roles: ["owner", "admin"] },
];

export function navForRole(role: Role): NavItem[] {
  return adminNav.filter((item) => !item.roles || item.roles.includes(role));
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.href === "/") return pathname === "/";
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
