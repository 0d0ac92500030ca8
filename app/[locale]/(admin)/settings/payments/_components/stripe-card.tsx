"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SettingsForm } from "@/components/settings/settings-form";
import { CopyField } from "@/components/ui/copy-field";
import type { ActionIssue } from "@/lib/admin/action-result";
import { BRAND_NAMES } from "@/components/payments/brand-names";
import { updateStripe } from "../actions";
import { keyField } from "./provider-fields";
import { ConnectionBadges, KeyInput, ltr, SaveRow, useKeyIssueText } from "./provider-parts";
import { ProviderTools } from "./provider-tools";
import { ProviderSection } from "./provider-section";

export interface StripeView {
  configured: boolean;
  secretKey: string | null;
  publishableKey: string | null;
  webhookSecret: string | null;
  livemode: boolean | null;
  webhookUrl: string;
  updated: string | null;
}

const FIELDS = ["secretKey", "publishableKey", "webhookSecret"] as const;
const EMPTY = { secretKey: "", publishableKey: "", webhookSecret: "" };

/** Stripe's three keys (write-only), the webhook URL to paste into Stripe, test and disconnect. */
export function StripeCard({ stripe }: { stripe: StripeView }) {
  const t = useTranslations("PaymentSettings.stripe");
  const locale = useLocale();
  const issueText = useKeyIssueText("stripe");
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ActionIssue } | null>(
    null,
  );
  const schema = useMemo(
    () =>
      z.object({
        secretKey: keyField("secretKey", t("invalid.secretKey")),
        publishableKey: keyField("publishableKey", t("invalid.publishableKey")),
        webhookSecret: keyField("webhookSecret", t("invalid.webhookSecret")),
      }),
    [t],
  );
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
  });
  const { isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const saved = await updateStripe(locale, values);
    if (saved.ok) {
      form.reset(EMPTY);
      setResult({ ok: true });
      return;
    }
    let placed = false;
    for (const field of FIELDS) {
      const issue = saved.fieldErrors[field];
      if (issue) {
        form.setError(field, { message: issueText(issue, t(`invalid.${field}`)) });
        placed = true;
      }
    }
    if (!placed) setResult({ ok: false, error: saved.error });
  });

  const mode = stripe.livemode === null ? null : stripe.livemode ? "live" : "test";
  return (
    <ProviderSection
      id="stripe"
      title={BRAND_NAMES.stripe}
      description={t("description")}
      badges={<ConnectionBadges configured={stripe.configured} mode={mode} />}
      updated={stripe.updated}
    >
      <SettingsForm form={form} onSubmit={onSubmit}>
        <div className="grid gap-5 md:grid-cols-2">
          <KeyInput
            type="password"
            label={t("secretKey")}
            hint={t.rich("secretKeyHint", { c: ltr })}
            saved={stripe.secretKey}
            {...form.register("secretKey")}
          />
          <KeyInput
            label={t("publishableKey")}
            hint={t.rich("publishableKeyHint", { c: ltr })}
            saved={stripe.publishableKey}
            {...form.register("publishableKey")}
          />
          <KeyInput
            type="password"
            label={t("webhookSecret")}
            hint={t.rich("webhookSecretHint", { c: ltr })}
            saved={stripe.webhookSecret}
            {...form.register("webhookSecret")}
          />
        </div>
        <SaveRow result={result} pending={isSubmitting} disabled={!isDirty} />
      </SettingsForm>
      <div className="flex flex-col gap-4 border-t border-border pt-6">
        <CopyField
          label={t("webhookUrl")}
          value={stripe.webhookUrl}
          hint={t.rich("webhookUrlHint", { c: ltr })}
        />
        <ProviderTools provider="stripe" configured={stripe.configured} />
      </div>
    </ProviderSection>
  );
}
