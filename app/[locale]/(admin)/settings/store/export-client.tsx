"use client";

import { CircleAlert, CircleCheck, Download, Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useRef, useState } from "react";
import { SectionHeader } from "@/components/settings/parts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

type State =
  | { phase: "idle" }
  | { phase: "downloading"; bytes: number; total: number | null; rows: number | null }
  | { phase: "done"; bytes: number; rows: number | null; filename: string }
  | { phase: "failed"; reason: "ownerOnly" | "generic" };

function filenameOf(disposition: string | null): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : "store-export.zip";
}

const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * Everything the store holds, as one zip, for its owner. The archive is read as it streams, so
 * the bar moves with the bytes received; the API announces the number of records up front.
 */
export function ExportSection() {
  const t = useTranslations("settings.store.export");
  const format = useDisplayFormatter();
  const locale = useLocale();
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = useRef(false);

  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 })
      : format.number(bytes / 1024 / 1024, {
          style: "unit",
          unit: "megabyte",
          maximumFractionDigits: 1,
        });

  const download = async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ phase: "downloading", bytes: 0, total: null, rows: null });
    try {
      const response = await fetch(`/${locale}/settings/store/export`, { method: "POST" });
      const type = response.headers.get("content-type") ?? "";
      if (!response.ok || !response.body || !type.includes("zip")) {
        const body = type.includes("json") ? await response.json().catch(() => null) : null;
        const code = (body as { code?: string } | null)?.code ?? "";
        setState({
          phase: "failed",
          reason:
            response.status === 403 && code !== "CROSS_ORIGIN_REQUEST" ? "ownerOnly" : "generic",
        });
        return;
      }
      const total = positive(response.headers.get("content-length"));
      const rows = positive(response.headers.get("x-export-rows"));
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setState({ phase: "downloading", bytes, total, rows });
      }
      const filename = filenameOf(response.headers.get("content-disposition"));
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ phase: "done", bytes, rows, filename });
    } catch {
      setState({ phase: "failed", reason: "generic" });
    } finally {
      busy.current = false;
    }
  };

  const downloading = state.phase === "downloading";
  const percent =
    downloading && state.total
      ? Math.min(100, Math.round((state.bytes / state.total) * 100))
      : null;

  return (
    <section id="export" aria-labelledby="export-title" className="flex scroll-mt-8 flex-col gap-5">
      <SectionHeader id="export-title" title={t("title")} description={t("description")} />
      <Card>
        <CardContent className="flex flex-col gap-5 pt-6">
          <ul className="grid list-disc gap-x-8 gap-y-1 ps-5 text-sm text-muted-foreground sm:grid-cols-2">
            {(
              [
                "settings",
                "products",
                "orders",
                "customers",
                "apiKeys",
                "webhooks",
                "audit",
              ] as const
            ).map((item) => (
              <li key={item}>{t(`contents.${item}`)}</li>
            ))}
          </ul>
          <p className="text-sm text-muted-foreground">{t("note")}</p>

          {downloading ? (
            <div className="flex flex-col gap-2" aria-live="polite">
              <div
                role="progressbar"
                aria-label={t("progressLabel")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent ?? undefined}
                aria-valuetext={t("received", { size: size(state.bytes) })}
                className="h-2 w-full overflow-hidden rounded-full bg-muted"
              >
                <div
                  className={
                    percent === null
                      ? "h-full w-1/3 animate-pulse rounded-full bg-primary"
                      : "h-full rounded-full bg-primary transition-[width]"
                  }
                  style={percent === null ? undefined : { width: `${percent}%` }}
                />
              </div>
              <p className="text-sm text-muted-foreground">
                {t("received", { size: size(state.bytes) })}
                {state.rows !== null ? ` · ${t("rows", { count: state.rows })}` : null}
              </p>
            </div>
          ) : null}

          {state.phase === "done" ? (
            <Alert variant="success" role="status">
              <CircleCheck aria-hidden />
              <AlertTitle>{t("doneTitle")}</AlertTitle>
              <AlertDescription>
                {t.rich("done", {
                  filename: state.filename,
                  size: size(state.bytes),
                  b: (chunks) => <bdi className="font-mono text-xs">{chunks}</bdi>,
                })}
                {state.rows !== null ? ` ${t("rows", { count: state.rows })}` : null}
              </AlertDescription>
            </Alert>
          ) : null}
          {state.phase === "failed" ? (
            <Alert variant="destructive" role="alert">
              <CircleAlert aria-hidden />
              <AlertTitle>{t("failedTitle")}</AlertTitle>
              <AlertDescription>{t(`failed.${state.reason}`)}</AlertDescription>
            </Alert>
          ) : null}

          <div>
            <Button onClick={download} disabled={downloading}>
              {downloading ? (
                <Loader2 aria-hidden className="animate-spin" />
              ) : (
                <Download aria-hidden />
              )}
              {downloading ? t("downloading") : t("download")}
            </Button>
          </div>
        </CardContent>
      </Card>
    </section>
  );
}
