"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  TENANT_SLUG_MAX,
  TENANT_SLUG_PATTERN,
  toLoginErrorCode,
  type LoginErrorCode,
} from "@/lib/admin/login-shared";

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

const subscribeNothing = () => () => {};

export function LoginForm({ defaultTenant, callbackUrl, initialError }: LoginFormProps) {
  const t = useTranslations("Login");
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<LoginErrorCode | null>(initialError);
  const [redirecting, setRedirecting] = useState(false);

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
  const pending = isSubmitting || redirecting;
  // Until React has hydrated, a click would submit the form natively; keep the button off.
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result?.ok || result.error) {
      setError(toLoginErrorCode(result?.error) ?? "unavailable");
      form.resetField("password");
      form.setFocus("password");
      return;
    }
    setRedirecting(true);
    router.replace(callbackUrl);
    router.refresh();
  });

  const fieldError = (name: keyof typeof errors) => {
    const message = errors[name]?.message;
    return message ? (
      <p id={`${id}-${name}-error`} className="text-sm text-destructive">
        {message}
      </p>
    ) : null;
  };
  const describedBy = (name: keyof typeof errors, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    // method="post": should the form ever submit natively, credentials stay out of the URL.
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      aria-busy={pending}
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

      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-tenant`}>{t("tenantLabel")}</Label>
        <Input
          id={`${id}-tenant`}
          autoComplete="organization"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          aria-invalid={errors.tenant ? true : undefined}
          aria-describedby={describedBy("tenant", `${id}-tenant-hint`)}
          // Server-rendered too, so the prefill shows before hydration.
          defaultValue={defaultTenant}
          {...form.register("tenant")}
        />
        <p id={`${id}-tenant-hint`} className="text-xs text-muted-foreground">
          {t("tenantHint")}
        </p>
        {fieldError("tenant")}
      </div>

      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-email`}>{t("emailLabel")}</Label>
        <Input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email")}
          {...form.register("email")}
        />
        {fieldError("email")}
      </div>

      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-password`}>{t("passwordLabel")}</Label>
        <Input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          dir="ltr"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("password")}
          {...form.register("password")}
        />
        {fieldError("password")}
      </div>

      <Button type="submit" size="lg" disabled={pending || !hydrated} className="mt-1 w-full">
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
