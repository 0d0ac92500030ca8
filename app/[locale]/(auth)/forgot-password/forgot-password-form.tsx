"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";
import { TENANT_SLUG_MAX, TENANT_SLUG_PATTERN } from "@/lib/admin/login-shared";
import { AuthField, AuthForm } from "../_components/auth-form";
import { requestPasswordReset } from "./actions";

type Problem = "tooMany" | "unavailable" | "mailOff";

/** Store and email -> the same neutral answer whatever the account (no enumeration). */
export function ForgotPasswordForm({ defaultTenant }: { defaultTenant: string }) {
  const t = useTranslations("forgotPassword");
  const tLogin = useTranslations("Login");
  const locale = useLocale();
  const id = useId();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        store: z
          .string()
          .trim()
          .toLowerCase()
          .min(1, tLogin("validation.tenantRequired"))
          .max(TENANT_SLUG_MAX, tLogin("validation.tenantInvalid"))
          .regex(TENANT_SLUG_PATTERN, tLogin("validation.tenantInvalid")),
        email: z
          .string()
          .trim()
          .pipe(z.email(tLogin("validation.emailInvalid"))),
      }),
    [tLogin],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { store: defaultTenant, email: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    const result = await requestPasswordReset(locale, values);
    if (result.ok) {
      setSentTo(result.data.email);
      return;
    }
    const code = result.error.code;
    setProblem(
      code === "RATE_LIMIT_EXCEEDED"
        ? "tooMany"
        : code === "MAIL_DISABLED"
          ? "mailOff"
          : "unavailable",
    );
  });

  if (sentTo)
    return (
      <div className="flex flex-col gap-5">
        <Alert role="status">
          <MailCheck aria-hidden />
          <AlertTitle>{t("sentTitle")}</AlertTitle>
          <AlertDescription>
            {t.rich("sent", {
              email: sentTo,
              b: (chunks) => (
                <bdi dir="ltr" className="font-medium">
                  {chunks}
                </bdi>
              ),
            })}
          </AlertDescription>
        </Alert>
        <Link href="/login" className={buttonVariants({ variant: "outline" })}>
          {t("backToSignIn")}
        </Link>
      </div>
    );

  return (
    <div className="flex flex-col gap-5">
      <AuthForm
        onSubmit={onSubmit}
        pending={isSubmitting}
        submitLabel={t("submit")}
        pendingLabel={t("submitting")}
      >
        {problem ? (
          <ErrorAlert title={t(`${problem}Title`)}>
            <AlertDescription>{t(problem)}</AlertDescription>
          </ErrorAlert>
        ) : null}
        <AuthField
          id={`${id}-store`}
          label={tLogin("tenantLabel")}
          hint={tLogin("tenantHint")}
          error={errors.store?.message}
          autoComplete="organization"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          defaultValue={defaultTenant}
          {...form.register("store")}
        />
        <AuthField
          id={`${id}-email`}
          label={tLogin("emailLabel")}
          error={errors.email?.message}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          {...form.register("email")}
        />
      </AuthForm>
      <Link
        href="/login"
        className="self-center text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t("backToSignIn")}
      </Link>
    </div>
  );
}
