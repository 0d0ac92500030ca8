import { ChevronRight, CircleCheck, CircleDashed, X } from "lucide-react";
import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/lib/admin/i18n/navigation";
import type { BrainSAITStore } from "@/lib/sdk";

/** The cookie that hides the checklist for one store in this browser. */
export const checklistCookie = (tenant: string) => `brainsait_checklist_${tenant}`;

type Step = "product" | "payments" | "team" | "apiKey";

const STEPS: readonly Step[] = ["product", "payments", "team", "apiKey"];

/** Where each step is done (payments: nowhere yet). */
const LINKS: Record<Step, string | null> = {
  product: "/products/new",
  payments: null,
  team: "/settings/team",
  apiKey: "/settings/api-keys",
};

/** Whether it happened, or null when the API could not say (then it shows as not done). */
async function done(check: () => Promise<boolean>): Promise<boolean | null> {
  try {
    return await check();
  } catch {
    return null;
  }
}

/** What a new store has done so far, counted through the SDK (three small reads). */
export async function checklistProgress(store: BrainSAITStore): Promise<Record<Step, boolean>> {
  const [product, team, apiKey] = await Promise.all([
    done(async () => (await store.products.list({ limit: 1 })).pagination.total > 0),
    done(async () => {
      const [members, invitations] = await Promise.all([
        store.team.list(),
        store.team.invitations(),
      ]);
      return members.data.length > 1 || invitations.data.length > 0;
    }),
    done(async () => (await store.apiKeys.list()).data.length > 0),
  ]);
  // Payments are not part of the platform yet: the step says so and is never ticked.
  return { product: !!product, payments: false, team: !!team, apiKey: !!apiKey };
}

/**
 * The empty-state checklist on the home page of a new store: each step ticks itself once done,
 * and the whole card can be dismissed.
 */
export async function SetupChecklist({
  locale,
  progress,
  dismiss,
}: {
  locale: Locale;
  progress: Record<Step, boolean>;
  dismiss: () => Promise<void>;
}) {
  const t = await getTranslations({ locale, namespace: "Home.checklist" });
  const count = STEPS.filter((step) => progress[step]).length;
  const text = {
    product: {
      title: t("steps.product.title"),
      description: t("steps.product.description"),
      action: t("steps.product.action"),
    },
    payments: {
      title: t("steps.payments.title"),
      description: t("steps.payments.description"),
      action: null,
    },
    team: {
      title: t("steps.team.title"),
      description: t("steps.team.description"),
      action: t("steps.team.action"),
    },
    apiKey: {
      title: t("steps.apiKey.title"),
      description: t("steps.apiKey.description"),
      action: t("steps.apiKey.action"),
    },
  } satisfies Record<Step, { title: string; description: string; action: string | null }>;

  return (
    <Card role="region" aria-labelledby="checklist-title">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <CardTitle id="checklist-title">{t("title")}</CardTitle>
          <CardDescription>{t("progress", { done: count, total: STEPS.length })}</CardDescription>
        </div>
        <form action={dismiss}>
          <Button type="submit" variant="ghost" size="sm" className="-me-2 -mt-1">
            <X aria-hidden />
            {t("dismiss")}
          </Button>
        </form>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col divide-y divide-border rounded-lg border border-border">
          {STEPS.map((step) => {
            const isDone = progress[step];
            const href = LINKS[step];
            return (
              <li
                key={step}
                data-step={step}
                data-done={isDone ? "true" : "false"}
                className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-2 px-4 py-3 sm:grid-cols-[auto_1fr_auto]"
              >
                {isDone ? (
                  <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
                ) : (
                  <CircleDashed
                    aria-hidden
                    className="mt-0.5 size-5 shrink-0 text-muted-foreground"
                  />
                )}
                <div className="flex min-w-0 flex-col gap-0.5">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    <span className={isDone ? "text-muted-foreground line-through" : undefined}>
                      {text[step].title}
                    </span>
                    <span className="sr-only">{isDone ? t("doneLabel") : t("notDoneLabel")}</span>
                    {step === "payments" ? (
                      <Badge variant="secondary">{t("comingSoon")}</Badge>
                    ) : null}
                  </p>
                  <p className="text-sm text-muted-foreground">{text[step].description}</p>
                </div>
                {href && !isDone ? (
                  <Link
                    href={href}
                    className="col-start-2 flex items-center gap-1 justify-self-start text-sm font-medium text-primary underline-offset-4 hover:underline sm:col-start-3 sm:row-start-1 sm:self-center"
                  >
                    {text[step].action}
                    <ChevronRight aria-hidden className="size-4 rtl:rotate-180" />
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
