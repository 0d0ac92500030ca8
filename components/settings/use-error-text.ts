import { useTranslations } from "next-intl";
import type { ActionIssue } from "@/lib/action-result";

/** A failed settings action's code in words, in the page's language. */
export function useErrorText(): (issue: ActionIssue) => string {
  const t = useTranslations("settings.errors");
  return ({ code }) => {
    switch (code) {
      case "LAST_OWNER":
        return t("lastOwner");
      case "OWNER_ONLY":
        return t("ownerOnly");
      case "ALREADY_MEMBER":
        return t("alreadyMember");
      case "INSUFFICIENT_PERMISSION":
        return t("permission");
      case "SCOPE_NOT_GRANTABLE":
        return t("scopeNotGrantable");
      case "API_KEY_NOT_FOUND":
        return t("apiKeyNotFound");
      case "USER_NOT_FOUND":
        return t("memberNotFound");
      case "INVITATION_NOT_FOUND":
        return t("invitationNotFound");
      case "VALIDATION_ERROR":
        return t("validation");
      case "RATE_LIMIT_EXCEEDED":
        return t("busy");
      case "UNAVAILABLE":
        return t("unavailable");
      default:
        return code.startsWith("AUTH") ? t("sessionExpired") : t("generic");
    }
  };
}
