import {
  Blocks,
  ClipboardList,
  CreditCard,
  KeyRound,
  Store,
  Users,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { Messages } from "next-intl";
import type { Role } from "@/lib/admin/next-auth";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";

export interface SettingsSection {
  key: keyof Messages["settings"]["nav"]["items"];
  /** Path without the locale prefix. */
  href: string;
  icon: LucideIcon;
  /** The permission the section's API needs (docs/roles.md). The UI only hides; the API refuses. */
  permission: Permission;
}

/** In the order a merchant needs them; /settings opens the first the role may use (Store). */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: "store", href: "/settings/store", icon: Store, permission: "settings:write" },
  { key: "payments", href: "/settings/payments", icon: CreditCard, permission: "settings:write" },
  { key: "team", href: "/settings/team", icon: Users, permission: "team:manage" },
  { key: "apiKeys", href: "/settings/api-keys", icon: KeyRound, permission: "api_keys:manage" },
  { key: "webhooks", href: "/settings/webhooks", icon: Webhook, permission: "webhooks:write" },
  // Installing is for owners and admins; the directory's API is readable by every role and key.
  { key: "apps", href: "/settings/apps", icon: Blocks, permission: "apps:manage" },
  { key: "audit", href: "/settings/audit", icon: ClipboardList, permission: "audit:read" },
];

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function sectionsForRole(role: Role): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((section) => roleCan(role, section.permission));
}
