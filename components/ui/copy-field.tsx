"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

interface CopyFieldProps {
  label: string;
  value: string;
  /** Extra text under the field, linked to it for screen readers. */
  hint?: ReactNode;
}

/**
 * A read-only value (an API key, an invitation link) with a Copy button that says "Copied" for a
 * moment. Should the clipboard be refused, the text is selected so Ctrl+C still works.
 */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const t = useTranslations("settings.copy");
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      inputRef.current?.select();
      setState("failed");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={`${id}-value`}>{label}</Label>
      <div className="flex gap-2">
        <Input
          ref={inputRef}
          id={`${id}-value`}
          readOnly
          value={value}
          dir="ltr"
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
          className="font-mono text-xs sm:text-sm"
        />
        <Button variant="outline" onClick={copy} className="min-w-24">
          {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
          {state === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <p role="status" className="min-h-5 text-xs text-muted-foreground">
        {state === "copied" ? t("copiedAnnouncement") : state === "failed" ? t("failed") : ""}
      </p>
    </div>
  );
}
