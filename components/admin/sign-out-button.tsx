"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("Account");
  const locale = useLocale();
  const [pending, setPending] = useState(false);

  async function handleSignOut() {
    setPending(true);
    // next-auth clears the cookie and its signOut event revokes the refresh token.
    await signOut({ redirect: false });
    // A full load (not router.push) drops every cached page of the old session.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/${locale}/login`);
  }

  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={handleSignOut}
      disabled={pending}
      aria-busy={pending}
    >
      <LogOut aria-hidden className="rtl:rotate-180" />
      <span className="max-sm:sr-only">{pending ? t("signingOut") : t("signOut")}</span>
    </Button>
  );
}
