import { Code } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";
import type { SessionUser } from "@/lib/admin/next-auth";
import { DisplayPreferencesMenu, type SavePreferences } from "./display-preferences-menu";
import { SignOutButton } from "./sign-out-button";

/**
 * Two letters for an avatar: the first and last names' first letters, past the article of a
 * family name ("سارة القحطاني" is س ق, "Sara Al-Qahtani" is SQ, not SA).
 */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts.at(-1)] : [parts[0]];
  const withoutArticle = (part: string) => {
    const rest = part.replace(/^(?:ال|al-|el-)/iu, "");
    return rest.length > 1 ? rest : part;
  };
  return (
    letters
      .map((part, i) => Array.from(i > 0 ? withoutArticle(part ?? "") : (part ?? ""))[0] ?? "")
      .join("")
      .toUpperCase() || "?"
  );
}

/** Who is signed in (name and role), their display preferences, the developer area and the way out. */
export function UserMenu({
  user,
  savePreferences,
}: {
  user: SessionUser;
  savePreferences: SavePreferences;
}) {
  const t = useTranslations();
  return (
    <div
      role="group"
      aria-label={t("Account.label")}
      className="flex items-center gap-2 border-s border-border ps-3"
    >
      <span
        aria-hidden
        className="flex size-9 shrink-0 items-center justify-center rounded-full bg-primary-soft text-sm font-semibold text-primary-soft-foreground"
      >
        {initials(user.name)}
      </span>
      <div className="flex flex-col items-start gap-0.5 leading-tight max-sm:sr-only">
        <span className="max-w-40 truncate text-sm font-medium">{user.name}</span>
        <Badge variant="secondary">{t(`Roles.${user.role}`)}</Badge>
      </div>
      <DisplayPreferencesMenu save={savePreferences} />
      {/* Any member may build apps (docs/apps.md), so the developer area hangs off the person;
          on a phone the store's name needs the room, and Settings → Apps links there too. */}
      <Link
        href="/developer"
        title={t("Account.developer")}
        className={buttonVariants({ variant: "ghost", size: "sm", className: "max-sm:hidden" })}
      >
        <Code aria-hidden />
        <span className="sr-only">{t("Account.developer")}</span>
      </Link>
      <SignOutButton />
    </div>
  );
}
