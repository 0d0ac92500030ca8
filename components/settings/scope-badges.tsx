import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Scope } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";

/** The resources scopes name ("products" of "products:read"), each with words in the messages. */
type ScopeResource = Scope extends `${infer R}:${string}` ? R : never;

/** Scopes in words ("Orders · Read"), the raw scope in the tooltip: API keys and apps alike. */
export function ScopeBadges({
  scopes,
  label,
  className,
}: {
  scopes: readonly string[];
  /** The list's accessible name ("Permissions"). */
  label: string;
  className?: string;
}) {
  const tResource = useTranslations("settings.apiKeys.resources");
  const tAccess = useTranslations("settings.apiKeys.createDialog");
  return (
    <ul className={cn("flex flex-wrap gap-1", className)} aria-label={label}>
      {scopes.map((scope) => {
        const [resource, access] = scope.split(":") as [ScopeResource, "read" | "write"];
        return (
          <li key={scope}>
            <Badge variant="outline" title={scope}>
              {tResource(resource)} · {tAccess(access)}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
