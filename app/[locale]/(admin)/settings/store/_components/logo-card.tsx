"use client";

import { ImageUp, Info, Store } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/components/settings/logo-limits";
import { useSettingsErrorText } from "@/components/settings/use-settings-error-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FilePicker } from "@/components/ui/file-picker";
import { SubmitButton } from "@/components/ui/submit-button";
import { uploadStoreLogo } from "../actions";

/** The logo uploads on its own, apart from the settings form: a file is not a form field. */
export function LogoCard({ logoUrl }: { logoUrl: string | null }) {
  const t = useTranslations("settings.store.logo");
  const id = useId();
  const locale = useLocale();
  const errorText = useSettingsErrorText();
  const inputRef = useRef<HTMLInputElement>(null);
  // The chosen file and its preview, an object URL freed when replaced or on leaving the page.
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const chosenUrl = chosen?.url;

  useEffect(() => {
    if (!chosenUrl) return;
    return () => URL.revokeObjectURL(chosenUrl);
  }, [chosenUrl]);

  const fileMessage = (code: string) =>
    code === "too_large"
      ? t("tooLarge")
      : code === "unsupported_type"
        ? t("unsupported")
        : code === "required" || code === "empty"
          ? t("required")
          : null;

  function choose(file: File | null) {
    setMessage(null);
    setFileError(null);
    setChosen(null);
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) return setFileError(t("tooLarge"));
    if (!(LOGO_TYPES as readonly string[]).includes(file.type))
      return setFileError(t("unsupported"));
    setChosen({ file, url: URL.createObjectURL(file) });
  }

  function upload() {
    if (!chosen) return setFileError(t("required"));
    const data = new FormData();
    data.set("file", chosen.file);
    startTransition(async () => {
      const result = await uploadStoreLogo(locale, data);
      if (result.ok) {
        setChosen(null);
        if (inputRef.current) inputRef.current.value = "";
        setMessage({ ok: true, text: t("uploaded") });
        return;
      }
      const issue = result.fieldErrors.file;
      const text = issue ? fileMessage(issue.code) : null;
      if (text) setFileError(text);
      else setMessage({ ok: false, text: errorText(result.error) });
    });
  }

  const preview = chosen?.url ?? null;
  const shown = preview ?? logoUrl;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5 sm:flex-row sm:items-start">
        <div className="flex size-28 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-border bg-muted">
          {shown ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={shown}
              alt={preview ? t("previewAlt") : t("currentAlt")}
              className="size-full object-contain"
            />
          ) : (
            <span className="flex flex-col items-center gap-1 text-xs text-muted-foreground">
              <Store aria-hidden className="size-6" />
              {t("none")}
            </span>
          )}
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium">{t("label")}</p>
            <FilePicker
              ref={inputRef}
              id={`${id}-file`}
              accept={LOGO_TYPES.join(",")}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${id}-hint ${id}-error` : `${id}-hint`}
              label={
                <>
                  <ImageUp aria-hidden />
                  {t("choose")}
                </>
              }
              status={chosen?.file.name ?? t("noFile")}
              onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
            />
            <p
              id={`${id}-hint`}
              className="flex items-center gap-1.5 text-xs text-muted-foreground"
            >
              <Info aria-hidden className="size-3.5 shrink-0" />
              {t("hint")}
            </p>
            {fileError ? (
              <p id={`${id}-error`} className="text-sm text-destructive" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton
              type="button"
              variant="outline"
              onClick={upload}
              pending={pending}
              disabled={!chosen}
              icon={<ImageUp aria-hidden />}
              pendingLabel={t("uploading")}
            >
              {t("upload")}
            </SubmitButton>
            <p aria-live="polite" className="text-sm">
              {message ? (
                <span className={message.ok ? "text-success-soft-foreground" : "text-destructive"}>
                  {message.text}
                </span>
              ) : null}
            </p>
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
