import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/use-error-text";

/** A failed settings action's code in words: the shared wording plus the codes only settings meets. */
export function useSettingsErrorText(): (issue: string | { code: string }) => string {
  const t = useTranslations("settings.errors");
  return useErrorText({
    LAST_OWNER: t("lastOwner"),
    OWNER_ONLY: t("ownerOnly"),
    ALREADY_MEMBER: t("alreadyMember"),
    SCOPE_NOT_GRANTABLE: t("scopeNotGrantable"),
    API_KEY_NOT_FOUND: t("apiKeyNotFound"),
    USER_NOT_FOUND: t("memberNotFound"),
    INVITATION_NOT_FOUND: t("invitationNotFound"),
  });
}
