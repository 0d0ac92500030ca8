import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/use-error-text";

/** A failed apps or developer action's code in words: the shared wording plus the apps' own codes. */
export function useAppsErrorText(): (issue: string | { code: string }) => string {
  const t = useTranslations("apps.errors");
  return useErrorText({
    APP_NOT_FOUND: t("appNotFound"),
    DEVELOPER_NOT_FOUND: t("developerNotFound"),
    APP_ALREADY_INSTALLED: t("alreadyInstalled"),
    APP_NOT_INSTALLED: t("notInstalled"),
    APP_NOT_STAFF: t("notStaffApp"),
    DEVELOPER_REF_TAKEN: t("developerRefTaken"),
    APP_REF_TAKEN: t("appRefTaken"),
    CALLBACK_URL_NOT_ALLOWED: t("callbackUrl"),
    USER_NOT_FOUND: t("memberNotFound"),
  });
}
