"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert, CircleCheck, ImageUp, Info, Loader2, Lock, Save, Store } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { useForm, type FieldError } from "react-hook-form";
import type { z } from "zod";
import { LOGO_MAX_BYTES, LOGO_TYPES } from "@/components/settings/logo-limits";
import { SectionHeader } from "@/components/settings/parts";
import { useErrorText } from "@/components/settings/use-error-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionIssue } from "@/lib/action-result";
import { StoreSettingsUpdate } from "@/lib/tenants/contract";
import { updateStoreSettings, uploadStoreLogo } from "./actions";

export interface Option {
  value: string;
  label: string;
}

/** The form's values: the API's own field names (StoreSettingsUpdate), every field filled. */
export interface StoreFormValues {
  name: { en: string; ar: string };
  currency: string;
  vat_rate: number;
  prices_include_vat: boolean;
  vat_number: string;
  time_zone: string;
  default_locale: "en" | "ar";
}

type FormInput = z.input<typeof StoreSettingsUpdate>;
type FieldName =
  | "name.en"
  | "name.ar"
  | "currency"
  | "vat_rate"
  | "prices_include_vat"
  | "vat_number"
  | "time_zone"
  | "default_locale";

const FIELDS: readonly FieldName[] = [
  "name.en",
  "name.ar",
  "currency",
  "vat_rate",
  "prices_include_vat",
  "vat_number",
  "time_zone",
  "default_locale",
];

interface StoreSettingsFormProps {
  settings: StoreFormValues;
  logoUrl: string | null;
  /** Currency and VAT need an owner (settings:billing); admins see them read-only. */
  canEditBilling: boolean;
  currencies: Option[];
  timeZones: Option[];
  languages: Option[];
}

function toFormValues(settings: StoreFormValues): FormInput {
  return { ...settings, name: { ...settings.name } };
}

export function StoreSettingsForm({
  settings,
  logoUrl,
  canEditBilling,
  currencies,
  timeZones,
  languages,
}: StoreSettingsFormProps) {
  const t = useTranslations("settings.store");
  const locale = useLocale();
  const errorText = useErrorText();
  const id = useId();
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ActionIssue } | null>(
    null,
  );

  const form = useForm<FormInput>({
    resolver: zodResolver(StoreSettingsUpdate),
    defaultValues: toFormValues(settings),
  });
  const { errors, isSubmitting, isDirty, dirtyFields } = form.formState;
  const billing = { disabled: !canEditBilling };

  const fieldMessage = (field: FieldName, error: Pick<FieldError, "type"> | undefined) => {
    if (!error) return null;
    switch (field) {
      case "name.en":
      case "name.ar":
        return error.type === "too_big" ? t("errors.nameTooLong") : t("errors.nameRequired");
      case "vat_rate":
        return t("errors.vatRate");
      case "vat_number":
        return t("errors.vatNumber");
      case "currency":
        return t("errors.currency");
      case "time_zone":
        return t("errors.timeZone");
      default:
        return t("errors.invalid");
    }
  };
  const errorOf = (field: FieldName): FieldError | undefined =>
    field === "name.en"
      ? errors.name?.en
      : field === "name.ar"
        ? errors.name?.ar
        : (errors[field] as FieldError | undefined);

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    // Only what changed: the API records the changed fields in the audit log.
    const changes: Record<string, unknown> = {};
    if (dirtyFields.name?.en || dirtyFields.name?.ar) {
      changes.name = {
        ...(dirtyFields.name?.en ? { en: values.name?.en } : {}),
        ...(dirtyFields.name?.ar ? { ar: values.name?.ar } : {}),
      };
    }
    for (const field of FIELDS) {
      if (field.startsWith("name.")) continue;
      const key = field as Exclude<FieldName, "name.en" | "name.ar">;
      if (dirtyFields[key]) changes[key] = values[key];
    }
    const saved = await updateStoreSettings(locale, changes);
    if (saved.ok) {
      const s = saved.data;
      form.reset(
        toFormValues({
          name: s.name,
          currency: s.currency,
          vat_rate: s.vatRate,
          prices_include_vat: s.pricesIncludeVat,
          vat_number: s.vatNumber ?? "",
          time_zone: s.timeZone,
          default_locale: s.defaultLocale,
        }),
      );
      setResult({ ok: true });
      return;
    }
    let placed = false;
    for (const [field, issue] of Object.entries(saved.fieldErrors)) {
      if ((FIELDS as readonly string[]).includes(field)) {
        form.setError(field as FieldName, { type: issue.code, message: issue.message });
        placed = true;
      }
    }
    if (!placed) setResult({ ok: false, error: saved.error });
  });

  const describedBy = (field: FieldName, hint?: string) =>
    [hint, errorOf(field) ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: FieldName) => {
    const message = fieldMessage(field, errorOf(field));
    return message ? (
      <p id={`${id}-${field}-error`} className="text-sm text-destructive">
        {message}
      </p>
    ) : null;
  };

  return (
    <section className="flex flex-col gap-5" aria-labelledby="store-title">
      <SectionHeader id="store-title" title={t("title")} description={t("description")} />

      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={isSubmitting}>
        <SettingsCard title={t("names.title")} description={t("names.description")}>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label={t("names.en")} htmlFor={`${id}-name.en`} error={fieldError("name.en")}>
              <Input
                id={`${id}-name.en`}
                lang="en"
                dir="ltr"
                autoComplete="organization"
                aria-invalid={errors.name?.en ? true : undefined}
                aria-describedby={describedBy("name.en")}
                {...form.register("name.en")}
              />
            </Field>
            <Field label={t("names.ar")} htmlFor={`${id}-name.ar`} error={fieldError("name.ar")}>
              <Input
                id={`${id}-name.ar`}
                lang="ar"
                dir="rtl"
                autoComplete="off"
                aria-invalid={errors.name?.ar ? true : undefined}
                aria-describedby={describedBy("name.ar")}
                {...form.register("name.ar")}
              />
            </Field>
          </div>
        </SettingsCard>

        <SettingsCard title={t("billing.title")} description={t("billing.description")}>
          {canEditBilling ? null : (
            <Alert className="mb-5" id={`${id}-billing-note`}>
              <Lock aria-hidden />
              <AlertTitle>{t("billing.ownerOnlyTitle")}</AlertTitle>
              <AlertDescription>{t("billing.ownerOnly")}</AlertDescription>
            </Alert>
          )}
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              label={t("billing.currency")}
              htmlFor={`${id}-currency`}
              error={fieldError("currency")}
            >
              <NativeSelect
                id={`${id}-currency`}
                aria-invalid={errors.currency ? true : undefined}
                aria-describedby={describedBy(
                  "currency",
                  canEditBilling ? `${id}-currency-hint` : `${id}-billing-note`,
                )}
                {...form.register("currency", billing)}
              >
                {currencies.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
              <p id={`${id}-currency-hint`} className="text-xs text-muted-foreground">
                {t("billing.currencyHint")}
              </p>
            </Field>
            <Field
              label={t("billing.vatRate")}
              htmlFor={`${id}-vat_rate`}
              error={fieldError("vat_rate")}
            >
              {/* A number reads left to right in both languages, with its % sign after it. */}
              <div className="relative" dir="ltr">
                <Input
                  id={`${id}-vat_rate`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step={0.01}
                  className="pe-9"
                  aria-invalid={errors.vat_rate ? true : undefined}
                  aria-describedby={describedBy(
                    "vat_rate",
                    canEditBilling ? undefined : `${id}-billing-note`,
                  )}
                  {...form.register("vat_rate", { ...billing, valueAsNumber: true })}
                />
                <span
                  aria-hidden
                  className="pointer-events-none absolute inset-y-0 end-3 flex items-center text-sm text-muted-foreground"
                >
                  %
                </span>
              </div>
            </Field>
            <Field
              label={t("billing.vatNumber")}
              htmlFor={`${id}-vat_number`}
              error={fieldError("vat_number")}
            >
              <Input
                id={`${id}-vat_number`}
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={errors.vat_number ? true : undefined}
                aria-describedby={describedBy(
                  "vat_number",
                  canEditBilling ? `${id}-vat_number-hint` : `${id}-billing-note`,
                )}
                {...form.register("vat_number", billing)}
              />
              <p id={`${id}-vat_number-hint`} className="text-xs text-muted-foreground">
                {t("billing.vatNumberHint")}
              </p>
            </Field>
            <div className="flex items-start gap-3 sm:pt-7">
              <input
                id={`${id}-prices_include_vat`}
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-primary disabled:opacity-60"
                aria-describedby={`${id}-prices_include_vat-hint`}
                {...form.register("prices_include_vat", billing)}
              />
              <div className="flex flex-col gap-1">
                <Label htmlFor={`${id}-prices_include_vat`}>{t("billing.pricesIncludeVat")}</Label>
                <p id={`${id}-prices_include_vat-hint`} className="text-xs text-muted-foreground">
                  {t("billing.pricesIncludeVatHint")}
                </p>
              </div>
            </div>
          </div>
        </SettingsCard>

        <SettingsCard title={t("region.title")} description={t("region.description")}>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              label={t("region.timeZone")}
              htmlFor={`${id}-time_zone`}
              error={fieldError("time_zone")}
            >
              <NativeSelect
                id={`${id}-time_zone`}
                aria-invalid={errors.time_zone ? true : undefined}
                aria-describedby={describedBy("time_zone", `${id}-time_zone-hint`)}
                {...form.register("time_zone")}
              >
                {timeZones.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
              <p id={`${id}-time_zone-hint`} className="text-xs text-muted-foreground">
                {t("region.timeZoneHint")}
              </p>
            </Field>
            <Field
              label={t("region.defaultLanguage")}
              htmlFor={`${id}-default_locale`}
              error={fieldError("default_locale")}
            >
              <NativeSelect
                id={`${id}-default_locale`}
                aria-describedby={describedBy("default_locale", `${id}-default_locale-hint`)}
                {...form.register("default_locale")}
              >
                {languages.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
              <p id={`${id}-default_locale-hint`} className="text-xs text-muted-foreground">
                {t("region.defaultLanguageHint")}
              </p>
            </Field>
          </div>
        </SettingsCard>

        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div aria-live="polite" className="min-w-0 flex-1">
            {result?.ok ? (
              <Alert variant="success">
                <CircleCheck aria-hidden />
                <AlertDescription>{t("saved")}</AlertDescription>
              </Alert>
            ) : result ? (
              <Alert variant="destructive">
                <CircleAlert aria-hidden />
                <AlertTitle>{t("errorTitle")}</AlertTitle>
                <AlertDescription>{errorText(result.error)}</AlertDescription>
              </Alert>
            ) : Object.keys(errors).length > 0 ? (
              <p className="text-sm text-destructive">{t("fixErrors")}</p>
            ) : null}
          </div>
          <Button type="submit" disabled={isSubmitting || !isDirty} className="sm:ms-auto">
            {isSubmitting ? <Loader2 aria-hidden className="animate-spin" /> : <Save aria-hidden />}
            {isSubmitting ? t("saving") : t("save")}
          </Button>
        </div>
      </form>

      <LogoCard logoUrl={logoUrl} />
    </section>
  );
}

function SettingsCard({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Field({
  label,
  htmlFor,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  error: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {error}
    </div>
  );
}

function LogoCard({ logoUrl }: { logoUrl: string | null }) {
  const t = useTranslations("settings.store.logo");
  const locale = useLocale();
  const errorText = useErrorText();
  const id = useId();
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
            <Label htmlFor={`${id}-file`}>{t("label")}</Label>
            <Input
              ref={inputRef}
              id={`${id}-file`}
              type="file"
              accept={LOGO_TYPES.join(",")}
              className="h-auto py-1.5 file:me-3 file:rounded-md file:border-0 file:bg-muted file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-foreground"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`}
              onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
            />
            <p
              id={`${id}-file-hint`}
              className="flex items-center gap-1.5 text-xs text-muted-foreground"
            >
              <Info aria-hidden className="size-3.5 shrink-0" />
              {t("hint")}
            </p>
            {fileError ? (
              <p id={`${id}-file-error`} className="text-sm text-destructive">
                {fileError}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="outline" onClick={upload} disabled={pending || !chosen}>
              {pending ? <Loader2 aria-hidden className="animate-spin" /> : <ImageUp aria-hidden />}
              {pending ? t("uploading") : t("upload")}
            </Button>
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
