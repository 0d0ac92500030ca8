"use client";

import { FileSpreadsheet, FileUp, Loader2, RotateCcw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDisplayFormatter } from "@/lib/admin/format/client";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { ndjsonLines } from "@/lib/sdk/ndjson";
import { ImportOutcome, type Outcome } from "./import-outcome";
import type { ImportLine } from "./import-lines";
import { MAX_IMPORT_BYTES } from "./product-limits";
import { useHydrated } from "@/components/ui/use-hydrated";

type Progress =
  | { phase: "uploading" }
  | { phase: "validating" | "writing"; processed: number; total: number }
  | { phase: "done" };

/** The bar's value: checking the rows is the first half of the work, saving them the second. */
function percent(progress: Progress): number | undefined {
  if (progress.phase === "uploading") return undefined;
  if (progress.phase === "done") return 100;
  const part = progress.total ? progress.processed / progress.total : 1;
  return Math.round((progress.phase === "validating" ? 0 : 50) + part * 50);
}

export function ImportCsv() {
  const t = useTranslations("products.import");
  const format = useDisplayFormatter();
  const locale = useLocale();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const running = progress !== null && progress.phase !== "done";
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setOutcome(null);
    if (!file) return setOutcome({ type: "invalidFile", reason: "noFile" });
    if (!/\.csv$/i.test(file.name) && file.type !== "text/csv")
      return setOutcome({ type: "invalidFile", reason: "notCsv" });
    if (file.size > MAX_IMPORT_BYTES)
      return setOutcome({ type: "invalidFile", reason: "tooLarge" });

    setProgress({ phase: "uploading" });
    try {
      const response = await fetch(`/${locale}/products/import/upload`, {
        method: "POST",
        headers: { "Content-Type": "text/csv; charset=utf-8" },
        body: await file.text(),
      });
      const streamed = response.headers.get("content-type")?.includes("application/x-ndjson");
      if (!response.ok || !streamed || !response.body) {
        const code = response.status === 413 ? "PAYLOAD_TOO_LARGE" : "UNAVAILABLE";
        setOutcome({ type: "error", code });
        setProgress(null);
        return;
      }
      let last = undefined as ImportLine | undefined;
      for await (const line of ndjsonLines<ImportLine>(response.body)) {
        last = line;
        if (line.type === "progress") setProgress(line);
        else if (line.type === "result") setOutcome(line);
        else setOutcome({ type: "error", code: line.code, issueCode: line.errors[0]?.code });
      }
      const imported = last?.type === "result" && last.errors.length === 0;
      if (!last || last.type === "progress") setOutcome({ type: "error", code: "UNAVAILABLE" });
      // A full bar only when something was saved; otherwise the outcome says what went wrong.
      setProgress(imported ? { phase: "done" } : null);
    } catch {
      setOutcome({ type: "error", code: "UNAVAILABLE" });
      setProgress(null);
    }
  }

  function reset() {
    setProgress(null);
    setOutcome(null);
    setFileName(null);
    if (fileRef.current) {
      fileRef.current.value = "";
      fileRef.current.focus();
    }
  }

  const value = progress ? percent(progress) : undefined;
  const progressText =
    progress === null
      ? ""
      : progress.phase === "uploading"
        ? t("progress.uploading")
        : progress.phase === "done"
          ? t("progress.done")
          : t(`progress.${progress.phase}`, {
              processed: format.number(progress.processed),
              total: format.number(progress.total),
            });

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={running}>
        <div className="flex flex-col gap-2">
          <FilePicker
            ref={fileRef}
            id={`${id}-file`}
            name="file"
            label={
              <>
                <FileSpreadsheet aria-hidden />
                {t("file")}
              </>
            }
            status={fileName ?? t("noFileChosen")}
            accept=".csv,text/csv"
            disabled={running}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              setFileName(event.currentTarget.files?.[0]?.name ?? null);
              setOutcome(null);
              setProgress(null);
            }}
          />
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {t("fileHint")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={running || !hydrated}>
            {running ? <Loader2 aria-hidden className="animate-spin" /> : <FileUp aria-hidden />}
            {running ? t("importing") : t("submit")}
          </Button>
          {outcome && !running ? (
            <Button variant="outline" onClick={reset}>
              <RotateCcw aria-hidden />
              {t("again")}
            </Button>
          ) : null}
        </div>
      </form>

      {progress ? (
        <div className="flex flex-col gap-2">
          <div className="flex items-center justify-between gap-3 text-sm">
            <span id={`${id}-progress-label`} className="font-medium">
              {t("progress.label")}
            </span>
            <span className="text-muted-foreground" aria-hidden>
              {value === undefined ? null : format.number(value / 100, { style: "percent" })}
            </span>
          </div>
          <div
            role="progressbar"
            aria-labelledby={`${id}-progress-label`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={value}
            aria-valuetext={progressText}
            className="h-2.5 overflow-hidden rounded-full bg-muted"
          >
            <div
              className={
                value === undefined
                  ? "h-full w-1/3 animate-pulse rounded-full bg-primary/60"
                  : "h-full rounded-full bg-primary transition-[width] duration-300"
              }
              style={value === undefined ? undefined : { width: `${value}%` }}
            />
          </div>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {progressText}
          </p>
        </div>
      ) : null}

      {outcome ? <ImportOutcome outcome={outcome} /> : null}
    </div>
  );
}
