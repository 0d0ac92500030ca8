import { OctagonPause } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Link } from "@/lib/admin/i18n/navigation";

/**
 * On every admin page while the operator has suspended the store: its API refuses changes and
 * reads, nothing is deleted, and the owner can still sign in and export everything.
 */
export function SuspendedBanner({ isOwner }: { isOwner: boolean }) {
  const t = useTranslations("suspended");
  return (
    <div className="border-b border-destructive/30 bg-destructive-soft px-4 py-3 md:px-8 print:hidden">
      <Alert
        variant="destructive"
        className="border-0 bg-transparent px-0 py-0"
        aria-labelledby="suspended-title"
        role="region"
      >
        <OctagonPause aria-hidden />
        <AlertTitle id="suspended-title">{t("title")}</AlertTitle>
        <AlertDescription className="flex flex-col gap-1">
          <span>{t("description")}</span>
          {isOwner ? (
            <span>
              {t.rich("ownerExport", {
                link: (chunks) => (
                  <Link
                    href="/settings/store#export"
                    className="font-medium underline underline-offset-4"
                  >
                    {chunks}
                  </Link>
                ),
              })}
            </span>
          ) : (
            <span>{t("askOwner")}</span>
          )}
        </AlertDescription>
      </Alert>
    </div>
  );
}
