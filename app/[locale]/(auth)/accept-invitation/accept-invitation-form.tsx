"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { AlertDescription, ErrorAlert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Link } from "@/lib/admin/i18n/navigation";
import { AuthField, AuthForm, useAuthRedirect } from "../_components/auth-form";
import { acceptInvitation } from "./actions";

interface AcceptInvitationFormProps {
  store: string;
  token: string;
  email: string;
  defaultName: string;
  /** When the link stops working, already formatted. */
  expires: string;
}

type Problem = "invalid" | "alreadyMember" | "unavailable" | "signInFailed";

const PASSWORD_MIN = 10;

export function AcceptInvitationForm({
  store,
  token,
  email,
  defaultName,
  expires,
}: AcceptInvitationFormProps) {
  const t = useTranslations("acceptInvitation");
  const locale = useLocale();
  const id = useId();
  const [problem, setProblem] = useState<Problem | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        name: z
          .string()
          .trim()
          .min(1, t("validation.nameRequired"))
          .max(100, t("validation.nameTooLong")),
        password: z
          .string()
          .min(PASSWORD_MIN, t("validation.passwordTooShort", { min: PASSWORD_MIN }))
          .max(1024, t("validation.passwordTooLong")),
      }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { name: defaultName, password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { pending, redirect } = useAuthRedirect(isSubmitting);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    const accepted = await acceptInvitation(store, { token, ...values });
    if (!accepted.ok) {
      const code = accepted.error.code;
      if (accepted.fieldErrors.password) {
        form.setError("password", {
          message: t("validation.passwordTooShort", { min: PASSWORD_MIN }),
        });
        return;
      }
      setProblem(
        code === "INVITATION_INVALID" || code === "TENANT_NOT_FOUND"
          ? "invalid"
          : code === "ALREADY_MEMBER"
            ? "alreadyMember"
            : "unavailable",
      );
      return;
    }
    // The account exists now: sign in as usual, so the session is the admin's normal one.
    const result = await signIn("credentials", {
      tenant: store,
      email: accepted.data.email,
      password: values.password,
      locale,
      redirect: false,
    });
    if (!result?.ok || result.error) {
      setProblem("signInFailed");
      return;
    }
    redirect(`/${locale}`);
  });

  return (
    <AuthForm
      onSubmit={onSubmit}
      pending={pending}
      submitLabel={t("submit")}
      pendingLabel={t("submitting")}
    >
      {problem ? (
        <ErrorAlert title={t(`errors.${problem}.title`)}>
          <AlertDescription className="flex flex-col items-start gap-2">
            {t(`errors.${problem}.description`)}
            {problem === "signInFailed" || problem === "alreadyMember" ? (
              <Link href="/login" className={buttonVariants({ variant: "link", size: "sm" })}>
                {t("goToSignIn")}
              </Link>
            ) : null}
          </AlertDescription>
        </ErrorAlert>
      ) : null}
      <AuthField
        id={`${id}-email`}
        label={t("email")}
        hint={t("emailHint", { expires })}
        type="email"
        value={email}
        readOnly
        dir="ltr"
        autoComplete="username"
        className="bg-muted"
      />
      <AuthField
        id={`${id}-name`}
        label={t("name")}
        error={errors.name?.message}
        autoComplete="name"
        defaultValue={defaultName}
        {...form.register("name")}
      />
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
