"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

interface ErrorPanelProps {
  error: unknown;
  retry: () => void;
}

/** The body of every error boundary: a calm message, the digest to quote to support, a retry. */
export function ErrorPanel({ error, retry }: ErrorPanelProps) {
  const t = useTranslations("Error");
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center"
    >
      <TriangleAlert aria-hidden className="size-10 text-destructive" />
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-muted-foreground">{t("description")}</p>
      {digest ? (
        <p className="text-xs text-muted-foreground">{t("reference", { digest })}</p>
      ) : null}
      <Button onClick={() => retry()}>{t("retry")}</Button>
    </div>
  );
}
