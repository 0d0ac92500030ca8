"use client";

import { CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useProductErrorText } from "@/components/products/use-error-text";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import type { ActionIssue } from "@/lib/admin/action-result";

/** What the last save did, shown above the form. */
export type Banner =
  | { kind: "saved" }
  | { kind: "created"; imageFailures: number }
  | { kind: "error"; issue: ActionIssue; extra: string[] };

/** The banner takes focus when it changes, so a screen reader and a keyboard land on it. */
export function FormBanner({ banner }: { banner: Banner | null }) {
  const t = useTranslations("products.form");
  const errorText = useProductErrorText();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (banner) ref.current?.focus();
  }, [banner]);

  return (
    <div ref={ref} tabIndex={-1} className="outline-none empty:hidden">
      {banner?.kind === "error" ? (
        <ErrorAlert title={t("errorTitle")}>
          <AlertDescription>
            {banner.issue.code === "VALIDATION_ERROR"
              ? t("errorFields")
              : errorText(banner.issue.code)}
          </AlertDescription>
          {banner.extra.map((message) => (
            <AlertDescription key={message} lang="en" dir="ltr">
              {message}
            </AlertDescription>
          ))}
        </ErrorAlert>
      ) : banner ? (
        <Alert variant="success" role="status">
          <CircleCheck aria-hidden />
          <AlertTitle>{banner.kind === "saved" ? t("saved") : t("created")}</AlertTitle>
          {banner.kind === "created" && banner.imageFailures > 0 ? (
            <AlertDescription>
              {t("imageFailures", { count: banner.imageFailures })}
            </AlertDescription>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
