"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlert, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Link } from "@/lib/admin/i18n/navigation";
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
const subscribeNothing = () => () => {};

export function AcceptInvitationForm({
  store,
  token,
  email,
  defaultName,
  expires,
}: AcceptInvitationFormProps) {
  const t = useTranslations("acceptInvitation");
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
  const pending = isSubmitting || redirecting;

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

  const describedBy = (name: keyof typeof errors, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: keyof typeof errors) =>
    errors[name]?.message ? (
      <p id={`${id}-${name}-error`} className="text-sm text-destructive">
        {errors[name]?.message}
      </p>
    ) : null;

  return (
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      aria-busy={pending}
    >
      {problem ? (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden />
          <AlertTitle>{t(`errors.${problem}.title`)}</AlertTitle>
          <AlertDescription className="flex flex-col items-start gap-2">
            {t(`errors.${problem}.description`)}
            {problem === "signInFailed" || problem === "alreadyMember" ? (
              <Link href="/login" className={buttonVariants({ variant: "link", size: "sm" })}>
                {t("goToSignIn")}
              </Link>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-email`}>{t("email")}</Label>
        <Input
          id={`${id}-email`}
          type="email"
          value={email}
          readOnly
          dir="ltr"
          autoComplete="username"
          aria-describedby={`${id}-email-hint`}
          className="bg-muted"
        />
        <p id={`${id}-email-hint`} className="text-xs text-muted-foreground">
          {t("emailHint", { expires })}
        </p>
      </div>

      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-name`}>{t("name")}</Label>
        <Input
          id={`${id}-name`}
          autoComplete="name"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy("name")}
          defaultValue={defaultName}
          {...form.register("name")}
        />
        {fieldError("name")}
      </div>

      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-password`}>{t("password")}</Label>
        <Input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("password", `${id}-password-hint`)}
          {...form.register("password")}
        />
        <p id={`${id}-password-hint`} className="text-xs text-muted-foreground">
          {t("passwordHint", { min: PASSWORD_MIN })}
        </p>
        {fieldError("password")}
      </div>

      <Button type="submit" size="lg" disabled={pending || !hydrated} className="mt-1 w-full">
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
