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
    DEVELOPER_REF_TAKEN: t("developerRefTaken"),
    APP_REF_TAKEN: t("appRefTaken"),
    USER_NOT_FOUND: t("memberNotFound"),
    // Field codes of the API's 422s (lib/apps/service).
    not_a_staff_app: t("notStaffApp"),
    unsafe_url: t("callbackUrl"),
  });
}
