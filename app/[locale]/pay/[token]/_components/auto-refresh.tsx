"use client";

import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Every few seconds for about a minute, then only on request: Stripe usually answers in seconds. */
const EVERY_MS = 3000;
const TIMES = 20;

/**
 * While a payment is still being confirmed: reads the page again (the server asks Stripe each
 * time) until it shows another outcome, and offers the same by hand.
 */
export function AutoRefresh({ store }: { store: string }) {
  const t = useTranslations("Checkout.return");
  const router = useRouter();
  const [rounds, setRounds] = useState(0);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (rounds >= TIMES) return;
    const timer = setTimeout(() => {
      startTransition(() => router.refresh());
      setRounds((n) => n + 1);
    }, EVERY_MS);
    return () => clearTimeout(timer);
  }, [rounds, router]);

  return (
    <div className="flex flex-col items-center gap-3">
      {rounds >= TIMES ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("stillProcessing", { store })}
        </p>
      ) : null}
      <Button
        variant="outline"
        disabled={pending}
        onClick={() => startTransition(() => router.refresh())}
      >
        <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} />
        {pending ? t("checking") : t("checkAgain")}
      </Button>
    </div>
  );
}
