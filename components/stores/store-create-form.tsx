"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Form, FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SubmitButton } from "@/components/ui/submit-button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/admin/action-result";
import type { Option } from "./options";
import { SlugField, type CheckSlug } from "./slug-field";
import { ZATCA_FORM } from "@/lib/tenants/vat-number";
import { PasswordInput } from "@/components/ui/password-input";
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
        vatNumberZatca: t("errors.vatNumberZatca", ZATCA_FORM),
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

  return (
    <Form {...form}>
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
            <FormField className="min-w-0" name="nameEn" label={t("nameEn")}>
              <Input lang="en" dir="ltr" autoComplete="organization" {...form.register("nameEn")} />
            </FormField>
            <FormField className="min-w-0" name="nameAr" label={t("nameAr")}>
              <Input lang="ar" dir="rtl" {...form.register("nameAr")} />
            </FormField>
          </div>

          <SlugField
            id={`${id}-slug`}
            label={t("slug.label")}
            checkSlug={checkSlug}
            error={errors.slug?.message}
            registration={form.register("slug")}
          />

          <div className="grid gap-5 sm:grid-cols-2">
            <FormField className="min-w-0" name="currency" label={t("currency")}>
              <NativeSelect {...form.register("currency")}>
                {currencies.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            {mode === "setup" ? (
              <FormField className="min-w-0" name="timezone" label={t("timeZone")}>
                <NativeSelect {...form.register("timezone")}>
                  {timeZones.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
            ) : null}
          </div>

          {mode === "setup" ? (
            <div className="grid gap-5 sm:grid-cols-2">
              <FormField
                className="min-w-0"
                name="vatRate"
                label={t("vatRate")}
                hint={t("vatRateHint")}
              >
                <Input
                  inputMode="decimal"
                  dir="ltr"
                  className="max-w-32"
                  {...form.register("vatRate")}
                />
              </FormField>
              <FormField
                className="min-w-0"
                name="vatNumber"
                label={t("vatNumber")}
                hint={t("vatNumberHint")}
              >
                <Input
                  dir="ltr"
                  autoCapitalize="characters"
                  spellCheck={false}
                  {...form.register("vatNumber")}
                />
              </FormField>
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
          <FormField className="min-w-0" name="ownerName" label={t("ownerName")}>
            <Input autoComplete="name" {...form.register("ownerName")} />
          </FormField>
          <div className="grid gap-5 sm:grid-cols-2">
            <FormField className="min-w-0" name="email" label={t("email")}>
              <Input
                type="email"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                dir="ltr"
                {...form.register("email")}
              />
            </FormField>
            <FormField
              className="min-w-0"
              name="password"
              label={t("password")}
              hint={t("passwordHint", { min: PASSWORD_MIN })}
            >
              <PasswordInput autoComplete="new-password" dir="ltr" {...form.register("password")} />
            </FormField>
          </div>
        </fieldset>

        {mode === "setup" ? (
          <fieldset className="flex flex-col gap-5 border-t border-border pt-6">
            <legend className="float-start mb-1 w-full text-base font-semibold">
              {t("codeSection")}
            </legend>
            <FormField
              className="min-w-0"
              name="setupCode"
              label={t("setupCode")}
              hint={t("setupCodeHint")}
            >
              <Input
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellCheck={false}
                dir="ltr"
                className="max-w-64 font-mono tracking-wider"
                {...form.register("setupCode")}
              />
            </FormField>
          </fieldset>
        ) : null}

        <SubmitButton
          size="lg"
          pending={pending}
          disabled={!hydrated}
          pendingLabel={t(`${mode}.submitting`)}
          className="w-full sm:w-auto sm:self-end"
        >
          {t(`${mode}.submit`)}
        </SubmitButton>
      </form>
    </Form>
  );
}
