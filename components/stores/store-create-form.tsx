"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/admin/action-result";
import type { Option } from "./options";
import { SlugField, type CheckSlug } from "./slug-field";
import {
  API_FIELDS,
  PASSWORD_MIN,
  storeCreateSchema,
  type StoreCreateMode,
  type StoreCreateParsed,
  type StoreCreateValues,
} from "./store-create-schema";

/** The page's server action for its mode (setup or sign-up), bound to nothing: (locale, input). */
type CreateStore = (
  locale: string,
  input?: unknown,
) => Promise<ActionResult<{ slug: string; email: string }>>;

interface StoreCreateFormProps {
  mode: StoreCreateMode;
  currencies: Option[];
  timeZones: Option[];
  checkSlug: CheckSlug;
  createStore: CreateStore;
}

type Problem = "setupDone" | "throttled" | "unavailable" | "signInFailed" | "fixErrors";
type FieldName = keyof StoreCreateValues;

const subscribeNothing = () => () => {};

/** The first-run setup form and the public sign-up form: one store and its owner. */
export function StoreCreateForm({
  mode,
  currencies,
  timeZones,
  checkSlug,
  createStore,
}: StoreCreateFormProps) {
  const t = useTranslations("storeForm");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );

  const schema = useMemo(
    () =>
      storeCreateSchema(mode, {
        required: t("errors.required"),
        tooLong: t("errors.tooLong"),
        slugInvalid: t("slug.invalid"),
        slugReserved: t("slug.reserved"),
        email: t("errors.email"),
        password: t("errors.password", { min: PASSWORD_MIN }),
        vatRate: t("errors.vatRate"),
        vatNumber: t("errors.vatNumber"),
        setupCode: t("errors.setupCode"),
      }),
    [mode, t],
  );
  const form = useForm<StoreCreateValues, unknown, StoreCreateParsed>({
    resolver: zodResolver(schema),
    defaultValues: {
      nameEn: "",
      nameAr: "",
      slug: "",
      currency: currencies[0]?.value ?? "SAR",
      timezone: timeZones[0]?.value ?? "Asia/Riyadh",
      vatRate: "15",
      pricesIncludeVat: true,
      vatNumber: "",
      ownerName: "",
      email: "",
      password: "",
      setupCode: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || redirecting;

  const onSubmit = form.handleSubmit(async () => {
    setProblem(null);
    // The typed values: the action parses them with the same schema (a parsed rate is a number).
    const values = form.getValues();
    const created = await createStore(locale, values);
    if (!created.ok) {
      const code = created.error.code;
      const fieldMessage: Partial<Record<string, string>> = {
        SETUP_CODE_INVALID: t("errors.setupCodeWrong"),
        SLUG_TAKEN: t("slug.taken"),
        SLUG_INVALID: t("slug.invalid"),
        SLUG_RESERVED: t("slug.reserved"),
      };
      const field =
        code === "SETUP_CODE_INVALID" ? "setupCode" : code.startsWith("SLUG_") ? "slug" : null;
      if (field) {
        form.setError(field, { message: fieldMessage[code] ?? t("errors.invalid") });
        form.setFocus(field);
        return;
      }
      const named = Object.keys(created.fieldErrors)
        .map((path) => API_FIELDS[path] ?? (path in form.getValues() ? (path as FieldName) : null))
        .filter((name): name is FieldName => name !== null);
      if (named.length > 0) {
        for (const name of named) form.setError(name, { message: t("errors.invalid") });
        setProblem("fixErrors");
        form.setFocus(named[0]!);
        return;
      }
      setProblem(
        code === "SETUP_DONE"
          ? "setupDone"
          : code === "RATE_LIMIT_EXCEEDED"
            ? "throttled"
            : "unavailable",
      );
      return;
    }
    // The store exists: sign in as its owner the usual way, so the session is a normal one.
    const result = await signIn("credentials", {
      tenant: created.data.slug,
      email: created.data.email,
      password: values.password,
      redirect: false,
    });
    if (!result?.ok || result.error) {
      setProblem("signInFailed");
      return;
    }
    setRedirecting(true);
    router.replace(`/${locale}`);
    router.refresh();
  });

  const describedBy = (name: FieldName, hint?: boolean) =>
    [hint ? `${id}-${name}-hint` : null, errors[name] ? `${id}-${name}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const control = (name: FieldName, hint?: boolean) => ({
    id: `${id}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(name, hint),
  });

  return (
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-8"
      aria-busy={pending}
    >
      {problem ? (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden />
          <AlertTitle>{t(`problems.${problem}.title`)}</AlertTitle>
          <AlertDescription>{t(`problems.${problem}.description`)}</AlertDescription>
        </Alert>
      ) : null}

      <fieldset className="flex flex-col gap-5">
        <legend className="float-start mb-1 w-full text-base font-semibold">
          {t("storeSection")}
        </legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id={id} name="nameEn" label={t("nameEn")} errors={errors}>
            <Input
              lang="en"
              dir="ltr"
              autoComplete="organization"
              {...control("nameEn")}
              {...form.register("nameEn")}
            />
          </Field>
          <Field id={id} name="nameAr" label={t("nameAr")} errors={errors}>
            <Input lang="ar" dir="rtl" {...control("nameAr")} {...form.register("nameAr")} />
          </Field>
        </div>

        <SlugField
          id={`${id}-slug`}
          label={t("slug.label")}
          checkSlug={checkSlug}
          error={errors.slug?.message}
          registration={form.register("slug")}
        />

        <div className="grid gap-5 sm:grid-cols-2">
          <Field id={id} name="currency" label={t("currency")} errors={errors}>
            <NativeSelect {...control("currency")} {...form.register("currency")}>
              {currencies.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {mode === "setup" ? (
            <Field id={id} name="timezone" label={t("timeZone")} errors={errors}>
              <NativeSelect {...control("timezone")} {...form.register("timezone")}>
                {timeZones.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          ) : null}
        </div>

        {mode === "setup" ? (
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id={id}
              name="vatRate"
              label={t("vatRate")}
              errors={errors}
              hint={t("vatRateHint")}
            >
              <Input
                inputMode="decimal"
                dir="ltr"
                className="max-w-32"
                {...control("vatRate", true)}
                {...form.register("vatRate")}
              />
            </Field>
            <Field
              id={id}
              name="vatNumber"
              label={t("vatNumber")}
              errors={errors}
              hint={t("vatNumberHint")}
            >
              <Input
                dir="ltr"
                autoCapitalize="characters"
                spellCheck={false}
                {...control("vatNumber", true)}
                {...form.register("vatNumber")}
              />
            </Field>
            <div className="flex items-start gap-3 sm:col-span-2">
              <input
                id={`${id}-pricesIncludeVat`}
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-primary"
                aria-describedby={`${id}-pricesIncludeVat-hint`}
                {...form.register("pricesIncludeVat")}
              />
              <div className="flex flex-col gap-1">
                <Label htmlFor={`${id}-pricesIncludeVat`}>{t("pricesIncludeVat")}</Label>
                <p id={`${id}-pricesIncludeVat-hint`} className="text-xs text-muted-foreground">
                  {t("pricesIncludeVatHint")}
                </p>
              </div>
            </div>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-5 border-t border-border pt-6">
        <legend className="float-start mb-1 w-full text-base font-semibold">
          {t("ownerSection")}
        </legend>
        <Field id={id} name="ownerName" label={t("ownerName")} errors={errors}>
          <Input autoComplete="name" {...control("ownerName")} {...form.register("ownerName")} />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id={id} name="email" label={t("email")} errors={errors}>
            <Input
              type="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              dir="ltr"
              {...control("email")}
              {...form.register("email")}
            />
          </Field>
          <Field
            id={id}
            name="password"
            label={t("password")}
            errors={errors}
            hint={t("passwordHint", { min: PASSWORD_MIN })}
          >
            <Input
              type="password"
              autoComplete="new-password"
              dir="ltr"
              {...control("password", true)}
              {...form.register("password")}
            />
          </Field>
        </div>
      </fieldset>

      {mode === "setup" ? (
        <fieldset className="flex flex-col gap-5 border-t border-border pt-6">
          <legend className="float-start mb-1 w-full text-base font-semibold">
            {t("codeSection")}
          </legend>
          <Field
            id={id}
            name="setupCode"
            label={t("setupCode")}
            errors={errors}
            hint={t("setupCodeHint")}
          >
            <Input
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              dir="ltr"
              className="max-w-64 font-mono tracking-wider"
              {...control("setupCode", true)}
              {...form.register("setupCode")}
            />
          </Field>
        </fieldset>
      ) : null}

      <Button
        type="submit"
        size="lg"
        disabled={pending || !hydrated}
        className="w-full sm:w-auto sm:self-end"
      >
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
        {pending ? t(`${mode}.submitting`) : t(`${mode}.submit`)}
      </Button>
    </form>
  );
}

function Field({
  id,
  name,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  name: FieldName;
  label: string;
  hint?: string;
  errors: FieldErrors<StoreCreateValues>;
  children: ReactNode;
}) {
  const message = errors[name]?.message;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-${name}-error`} className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
    </div>
  );
}
