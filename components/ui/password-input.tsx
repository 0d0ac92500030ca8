"use client";

import { Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { Input } from "./input";

/**
 * A password field with a button that shows what was typed (and hides it again), for people
 * typing a long password on a phone. The button's name is text inside it, not an aria-label,
 * so the field stays the only thing its label names.
 */
export function PasswordInput({ className, dir, ...props }: Omit<ComponentProps<"input">, "type">) {
  const t = useTranslations("Common.password");
  const [shown, setShown] = useState(false);
  return (
    // The wrapper shares the field's direction, so the button sits where the padding is.
    <div className="relative" dir={dir}>
      <Input
        type={shown ? "text" : "password"}
        dir={dir}
        className={cn("pe-10", className)}
        {...props}
      />
      <button
        type="button"
        aria-pressed={shown}
        onClick={() => setShown((s) => !s)}
        className="absolute inset-y-0 end-0 flex w-10 items-center justify-center rounded-e-md text-muted-foreground hover:text-foreground focus-visible:ring-3 focus-visible:ring-ring/25 focus-visible:outline-none"
      >
        {shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
        <span className="sr-only">{shown ? t("hide") : t("show")}</span>
      </button>
    </div>
  );
}
