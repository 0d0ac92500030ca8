"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";
import { AuthField, AuthForm } from "../_components/auth-form";
import { confirmPasswordReset } from "../forgot-password/actions";

type Problem = "invalid" | "tooMany" | "unavailable";

/** The password rules of the accept-invitation and setup forms (lib/auth/contract.ts). */
const PASSWORD_MIN = 10;

export function ResetPasswordForm({ store, token }: { store: string; token: string }) {
  const t = useTranslations("resetPassword");
  const locale = useLocale();
  const id = useId();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);

  const schema = useMemo(
    () =>
      z.object({
        password: z
          .string()
          .min(PASSWORD_MIN, t("passwordTooShort", { min: PASSWORD_MIN }))
          .max(1024, t("passwordTooLong")),
      }),
    [t],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setProblem(null);
    const result = await confirmPasswordReset(store, locale, { token, password });
    if (result.ok) {
      setDone(true);
      return;
    }
    if (result.fieldErrors.password) {
      form.setError("password", { message: t("passwordTooShort", { min: PASSWORD_MIN }) });
      return;
    }
    const code = result.error.code;
    setProblem(
      code === "RESET_TOKEN_INVALID" || code === "TENANT_NOT_FOUND" || result.fieldErrors.token
        ? "invalid"
        : code === "RATE_LIMIT_EXCEEDED"
          ? "tooMany"
          : "unavailable",
    );
  });

  if (done)
    return (
      <div className="flex flex-col gap-5">
        <Alert role="status">
          <CircleCheck aria-hidden />
          <AlertTitle>{t("doneTitle")}</AlertTitle>
          <AlertDescription>{t("done")}</AlertDescription>
        </Alert>
        <Link href={`/login`} className={buttonVariants({ size: "lg" })}>
          {t("goToSignIn")}
        </Link>
      </div>
    );

  return (
    <AuthForm
      onSubmit={onSubmit}
      pending={isSubmitting}
      submitLabel={t("submit")}
      pendingLabel={t("submitting")}
    >
      {problem ? (
        <ErrorAlert title={t(`errors.${problem}.title`)}>
          <AlertDescription className="flex flex-col items-start gap-2">
            {t(`errors.${problem}.description`)}
            {problem === "invalid" ? (
              <Link
                href={`/forgot-password?store=${encodeURIComponent(store)}`}
                className={buttonVariants({ variant: "link", size: "sm" })}
              >
                {t("askAgain")}
              </Link>
            ) : null}
          </AlertDescription>
        </ErrorAlert>
      ) : null}
      <AuthField
        id={`${id}-password`}
        label={t("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN })}
        error={errors.password?.message}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        {...form.register("password")}
      />
    </AuthForm>
  );
}
