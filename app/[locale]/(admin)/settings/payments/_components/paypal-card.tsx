"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SettingsForm } from "@/components/settings/settings-form";
import { CopyField } from "@/components/ui/copy-field";
import { FormField } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionIssue } from "@/lib/admin/action-result";
import { BRAND_NAMES } from "@/components/payments/brand-names";
import { updatePayPal } from "../actions";
import { keyField } from "./provider-fields";
import { ConnectionBadges, KeyInput, ltr, SaveRow, useKeyIssueText } from "./provider-parts";
import { ProviderTools } from "./provider-tools";
import { ProviderSection } from "./provider-section";

export interface PayPalView {
  configured: boolean;
  clientId: string | null;
  clientSecret: string | null;
  webhookId: string | null;
  mode: "sandbox" | "live";
  webhookUrl: string;
  updated: string | null;
}

const FIELDS = ["clientId", "clientSecret", "webhookId"] as const;

/** PayPal's app credentials (write-only), its mode, the webhook URL, test and disconnect. */
export function PayPalCard({ paypal }: { paypal: PayPalView }) {
  const t = useTranslations("PaymentSettings.paypal");
  const tMode = useTranslations("PaymentSettings.modes");
  const locale = useLocale();
  const issueText = useKeyIssueText("paypal");
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: ActionIssue } | null>(
    null,
  );
  const schema = useMemo(
    () =>
      z.object({
        clientId: keyField("clientId", t("invalid.clientId")),
        clientSecret: keyField("clientSecret", t("invalid.clientSecret")),
        webhookId: keyField("webhookId", t("invalid.webhookId")),
        mode: z.enum(["sandbox", "live"]),
      }),
    [t],
  );
  const empty = { clientId: "", clientSecret: "", webhookId: "", mode: paypal.mode };
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });
  const { isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const saved = await updatePayPal(locale, values);
    if (saved.ok) {
      form.reset({ ...empty, mode: values.mode });
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

  return (
    <ProviderSection
      id="paypal"
      title={BRAND_NAMES.paypal}
      description={t("description")}
      badges={<ConnectionBadges configured={paypal.configured} mode={paypal.mode} />}
      updated={paypal.updated}
    >
      <SettingsForm form={form} onSubmit={onSubmit}>
        <div className="grid gap-5 md:grid-cols-2">
          <KeyInput
            label={t("clientId")}
            hint={t.rich("clientIdHint", { c: ltr })}
            saved={paypal.clientId}
            {...form.register("clientId")}
          />
          <KeyInput
            type="password"
            label={t("clientSecret")}
            hint={t.rich("clientSecretHint", { c: ltr })}
            saved={paypal.clientSecret}
            {...form.register("clientSecret")}
          />
          <KeyInput
            label={t("webhookId")}
            hint={t.rich("webhookIdHint", { c: ltr })}
            saved={paypal.webhookId}
            {...form.register("webhookId")}
          />
          <FormField name="mode" label={t("mode")} hint={t.rich("modeHint", { c: ltr })}>
            <NativeSelect {...form.register("mode")}>
              <option value="sandbox">{tMode("sandbox")}</option>
              <option value="live">{tMode("live")}</option>
            </NativeSelect>
          </FormField>
        </div>
        <SaveRow result={result} pending={isSubmitting} disabled={!isDirty} />
      </SettingsForm>
      <div className="flex flex-col gap-4 border-t border-border pt-6">
        <CopyField
          label={t("webhookUrl")}
          value={paypal.webhookUrl}
          hint={t.rich("webhookUrlHint", { c: ltr })}
        />
        <ProviderTools provider="paypal" configured={paypal.configured} />
      </div>
    </ProviderSection>
  );
}
