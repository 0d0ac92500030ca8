"use client";

import { CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/admin/i18n/navigation";
import type { ImportLine } from "./import-lines";
import { fieldOfCsvColumn, productIssueText } from "./issue-text";

/** How an import ended: the API's report, a failure before it, or a file refused here. */
export type Outcome =
  | Extract<ImportLine, { type: "result" }>
  | { type: "error"; code: string; issueCode?: string }
  | { type: "invalidFile"; reason: "noFile" | "notCsv" | "tooLarge" };

/** Rows of the error table shown at once; a file can have thousands. */
const SHOWN_ERRORS = 200;

/** The import's report: a summary when all rows were saved, else the rows that failed and why. */
export function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const t = useTranslations("products.import");
  const tForm = useTranslations("products.form");
  const format = useDisplayFormatter();

  if (outcome.type === "result" && outcome.errors.length === 0) {
    return (
      <Alert variant="success" role="status">
        <CircleCheck aria-hidden />
        <AlertTitle>{t("success.title")}</AlertTitle>
        <AlertDescription>
          {t("success.summary", {
            created: format.number(outcome.created),
            updated: format.number(outcome.updated),
          })}
        </AlertDescription>
        <AlertDescription>
          <Link href="/products" className={cn(buttonVariants({ variant: "link" }), "h-auto px-0")}>
            {t("success.view")}
          </Link>
        </AlertDescription>
      </Alert>
    );
  }

  if (outcome.type === "result") {
    const rows = new Set(outcome.errors.map((e) => e.row)).size;
    const shown = outcome.errors.slice(0, SHOWN_ERRORS);
    return (
      <div className="flex flex-col gap-3">
        <ErrorAlert title={t("failed.title")}>
          <AlertDescription>{t("failed.description", { rows })}</AlertDescription>
        </ErrorAlert>
        <div
          tabIndex={0}
          role="region"
          aria-label={t("failed.caption")}
          className="relative max-h-[28rem] overflow-auto rounded-lg border border-border"
        >
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("failed.caption")}</caption>
            <thead className="sticky top-0 bg-muted text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 text-start font-medium">
                  {t("failed.row")}
                </th>
                <th scope="col" className="px-3 py-2 text-start font-medium">
                  {t("failed.field")}
                </th>
                <th scope="col" className="px-3 py-2 text-start font-medium">
                  {t("failed.message")}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((error, index) => (
                <tr key={index} className="border-t border-border">
                  <th scope="row" className="px-3 py-2 text-start font-medium tabular-nums">
                    {format.number(error.row)}
                  </th>
                  <td className="px-3 py-2">
                    <code dir="ltr" className="font-mono text-xs">
                      {error.field}
                    </code>
                  </td>
                  <td className="px-3 py-2">
                    {productIssueText(tForm, fieldOfCsvColumn(error.field), error.code)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {outcome.errors.length > shown.length ? (
          <p className="text-sm text-muted-foreground">
            {t("failed.more", { count: outcome.errors.length - shown.length })}
          </p>
        ) : null}
      </div>
    );
  }

  let message: string;
  if (outcome.type === "invalidFile") message = t(`errors.${outcome.reason}`);
  else if (outcome.code === "CSV_INVALID" && outcome.issueCode === "missing_columns")
    message = t("errors.missingColumns");
  else if (outcome.code === "CSV_INVALID" && outcome.issueCode === "empty")
    message = t("errors.empty");
  else if (outcome.code === "CSV_INVALID" && outcome.issueCode === "too_many_rows")
    message = t("errors.tooManyRows");
  else if (outcome.code === "PAYLOAD_TOO_LARGE") message = t("errors.tooLarge");
  else if (outcome.code === "INSUFFICIENT_PERMISSION") message = t("errors.permission");
  else message = t("errors.generic");

  return (
    <ErrorAlert>
      <AlertTitle>
        {outcome.type === "invalidFile" ? t("errors.fileTitle") : t("failed.title")}
      </AlertTitle>
      <AlertDescription>{message}</AlertDescription>
    </ErrorAlert>
  );
}
