"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ComponentProps, type FormEventHandler, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Pending from submit until the next page replaces this one; `redirect` goes there once signed in
 * (refreshing, so server components read the new session).
 */
export function useAuthRedirect(isSubmitting: boolean) {
  const router = useRouter();
  const [redirecting, setRedirecting] = useState(false);
  const redirect = (href: string) => {
    setRedirecting(true);
    router.replace(href);
    router.refresh();
  };
  return { pending: isSubmitting || redirecting, redirect };
}

interface AuthFormProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
}

/** The sign-in and accept-invitation forms: fields in a column, one wide submit button. */
export function AuthForm({
  onSubmit,
  pending,
  submitLabel,
  pendingLabel,
  children,
}: AuthFormProps) {
  // Until React has hydrated, a click would submit the form natively; keep the button off.
  const hydrated = useHydrated();
  return (
    // method="post": should the form ever submit natively, credentials stay out of the URL.
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-5"
      aria-busy={pending}
    >
      {children}
      <Button type="submit" size="lg" disabled={pending || !hydrated} className="mt-1 w-full">
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

interface AuthFieldProps extends ComponentProps<"input"> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** A labelled input with its hint and error wired to it (`${id}-hint`, `${id}-error`). */
export function AuthField({ id, label, hint, error, ...input }: AuthFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const field = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      {input.type === "password" ? (
        <PasswordInput {...field} {...withoutType(input)} />
      ) : (
        <Input {...field} {...input} />
      )}
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function withoutType<T extends { type?: unknown }>({ type: _type, ...rest }: T): Omit<T, "type"> {
  return rest;
}
