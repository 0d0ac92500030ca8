"use client";

import { CircleAlert, CircleCheck, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { DisplayName } from "@/components/products/product-name";
import { useProductErrorText } from "@/components/products/use-error-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type BulkAction = "activate" | "archive" | "draft";

/** What a list action did: a bulk change, a deletion, or a failure before either ran. */
export type Outcome =
  | {
      kind: "bulk";
      action: BulkAction;
      updated: number;
      failures: { name: DisplayName; code: string }[];
    }
  | { kind: "removed"; archived: boolean; name: DisplayName }
  | { kind: "error"; code: string };

/** Why a bulk change failed for one product: the API's code in words. */
function reasonKey(code: string, action: BulkAction) {
  if (code === "PRODUCT_NOT_FOUND") return "notFound" as const;
  if (code === "VALIDATION_ERROR" && action === "activate") return "needsNames" as const;
  return "other" as const;
}

/** A product's name inside a translated sentence, in its own language and direction. */
const productName = (name: DisplayName) => ({
  name: name.text,
  product: (chunks: ReactNode) => (
    <bdi lang={name.lang} dir="auto" className="font-medium">
      {chunks}
    </bdi>
  ),
});

export function OutcomeAlert({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const t = useTranslations("products");
  const errorText = useProductErrorText();
  const dismiss = (
    <Button
      variant="ghost"
      size="icon"
      className="absolute end-1 top-1 size-8"
      onClick={onDismiss}
      aria-label={t("dismiss")}
    >
      <X aria-hidden />
    </Button>
  );

  if (outcome.kind === "error") {
    return (
      <Alert variant="destructive" className="pe-10">
        <CircleAlert aria-hidden />
        <AlertTitle>{t("errors.title")}</AlertTitle>
        <AlertDescription>{errorText(outcome.code)}</AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  if (outcome.kind === "removed") {
    return (
      <Alert variant="success" className="pe-10">
        <CircleCheck aria-hidden />
        <AlertDescription>
          {t.rich(
            outcome.archived ? "delete.archivedInstead" : "delete.deleted",
            productName(outcome.name),
          )}
        </AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  const { failures } = outcome;
  return (
    <Alert variant={failures.length ? "destructive" : "success"} className="pe-10">
      {failures.length ? <CircleAlert aria-hidden /> : <CircleCheck aria-hidden />}
      <AlertTitle>
        {t("bulk.done", { count: outcome.updated })}
        {failures.length ? ` ${t("bulk.failed", { count: failures.length })}` : ""}
      </AlertTitle>
      {failures.length ? (
        <AlertDescription>
          <ul className="mt-1 flex list-disc flex-col gap-1 ps-5">
            {failures.map((failure, index) => (
              <li key={index}>
                {t.rich(
                  `bulk.reasons.${reasonKey(failure.code, outcome.action)}`,
                  productName(failure.name),
                )}
              </li>
            ))}
          </ul>
        </AlertDescription>
      ) : null}
      {dismiss}
    </Alert>
  );
}
