"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert } from "lucide-react";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import {
  TENANT_SLUG_MAX,
  TENANT_SLUG_PATTERN,
  toLoginErrorCode,
  type LoginErrorCode,
} from "@/lib/admin/login-shared";
import { Link } from "@/lib/admin/i18n/navigation";
import { AuthField, AuthForm, useAuthRedirect } from "../_components/auth-form";

interface LoginFormProps {
  defaultTenant: string;
  callbackUrl: string;
  initialError: LoginErrorCode | null;
}

const ERROR_MESSAGE_KEYS = {
  invalid_credentials: "errors.invalidCredentials",
  too_many_attempts: "errors.tooManyAttempts",
  unknown_store: "errors.unknownStore",
  unavailable: "errors.unavailable",
  session_expired: "errors.sessionExpired",
} as const satisfies Record<LoginErrorCode, string>;

export function LoginForm({ defaultTenant, callbackUrl, initialError }: LoginFormProps) {
  const t = useTranslations("Login");
  const locale = useLocale();
  const id = useId();
  const [error, setError] = useState<LoginErrorCode | null>(initialError);

  const schema = useMemo(
    () =>
      z.object({
        tenant: z
          .string()
          .trim()
          .toLowerCase()
          .min(1, t("validation.tenantRequired"))
          .max(TENANT_SLUG_MAX, t("validation.tenantInvalid"))
          .regex(TENANT_SLUG_PATTERN, t("validation.tenantInvalid")),
        email: z
          .string()
          .trim()
          .pipe(z.email(t("validation.emailInvalid"))),
        password: z.string().min(1, t("validation.passwordRequired")),
      }),
    [t],
  );

  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { tenant: defaultTenant, email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const tenant = useWatch({ control: form.control, name: "tenant" }).trim().toLowerCase();
  const { pending, redirect } = useAuthRedirect(isSubmitting);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, locale, redirect: false });
    if (!result?.ok || result.error) {
      setError(toLoginErrorCode(result?.error) ?? "unavailable");
      form.resetField("password");
      form.setFocus("password");
      return;
    }
    redirect(callbackUrl);
  });

  return (
    <AuthForm
      onSubmit={onSubmit}
      pending={pending}
      submitLabel={t("submit")}
      pendingLabel={t("submitting")}
    >
      {error ? (
        <Alert variant={error === "session_expired" ? "default" : "destructive"} role="alert">
          <CircleAlert aria-hidden />
          <AlertTitle>
            {error === "session_expired" ? t("sessionEndedTitle") : t("errorTitle")}
          </AlertTitle>
          <AlertDescription>{t(ERROR_MESSAGE_KEYS[error])}</AlertDescription>
        </Alert>
      ) : null}
      <AuthField
        id={`${id}-tenant`}
        label={t("tenantLabel")}
        hint={t("tenantHint")}
        error={errors.tenant?.message}
        autoComplete="organization"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        // Server-rendered too, so the prefill shows before hydration.
        defaultValue={defaultTenant}
        {...form.register("tenant")}
      />
      <AuthField
        id={`${id}-email`}
        label={t("emailLabel")}
        error={errors.email?.message}
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        {...form.register("email")}
      />
      <AuthField
        id={`${id}-password`}
        label={t("passwordLabel")}
        error={errors.password?.message}
        type="password"
        autoComplete="current-password"
        dir="ltr"
        {...form.register("password")}
      />
      <Link
        // The store typed so far goes along, so it need not be typed twice.
        href={{ pathname: "/forgot-password", query: tenant ? { store: tenant } : {} }}
        className="-mt-2 self-end text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t("forgotPassword")}
      </Link>
    </AuthForm>
  );
}
