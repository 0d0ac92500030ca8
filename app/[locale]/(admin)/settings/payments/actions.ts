"use server";

import { z } from "zod";
import { adminAction, fieldIssues, toResult } from "@/lib/admin/safe-action";
import type { ConnectionTest } from "@/lib/sdk";

// Settings replies carry masked values only; the page re-renders from them ("payments" tag).
const settingsAction = adminAction.metadata({ updates: "payments", fieldNames: "camelCase" });

/** Empty means "keep the saved value", so it is left out of the request. */
const Secret = z.string().trim().max(500);
const given = (value: string) => value || undefined;

const StripeInput = z.object({ secretKey: Secret, publishableKey: Secret, webhookSecret: Secret });

export const updateStripe = toResult(
  settingsAction
    .inputSchema(StripeInput, fieldIssues(StripeInput))
    .action(async ({ parsedInput: input, ctx: { store } }) => {
      await store.payments.updateStripe({
        secretKey: given(input.secretKey),
        publishableKey: given(input.publishableKey),
        webhookSecret: given(input.webhookSecret),
      });
      return null;
    }),
);

const PayPalInput = z.object({
  clientId: Secret,
  clientSecret: Secret,
  webhookId: Secret,
  mode: z.enum(["sandbox", "live"]),
});

export const updatePayPal = toResult(
  settingsAction
    .inputSchema(PayPalInput, fieldIssues(PayPalInput))
    .action(async ({ parsedInput: input, ctx: { store } }) => {
      await store.payments.updatePayPal({
        clientId: given(input.clientId),
        clientSecret: given(input.clientSecret),
        webhookId: given(input.webhookId),
        mode: input.mode,
      });
      return null;
    }),
);

const ManualInput = z.object({
  instructions: z.object({ en: z.string().trim().max(2000), ar: z.string().trim().max(2000) }),
  cashOnDelivery: z.boolean(),
});

export const updateManual = toResult(
  settingsAction
    .inputSchema(ManualInput, fieldIssues(ManualInput))
    .action(async ({ parsedInput: input, ctx: { store } }) => {
      const settings = await store.payments.updateManual(input);
      return settings.manual;
    }),
);

const Provider = z.enum(["stripe", "paypal"]);

export const disconnectProvider = toResult(
  settingsAction
    .inputSchema(Provider, fieldIssues(Provider))
    .action(async ({ parsedInput: provider, ctx: { store } }) => {
      await store.payments.disconnect(provider);
      return null;
    }),
);

/** Calls the provider with the saved keys; a refusal is a result to show, not an error. */
export const testConnection = toResult(
  adminAction
    .inputSchema(Provider, fieldIssues(Provider))
    .action(({ parsedInput: provider, ctx: { store } }): Promise<ConnectionTest> =>
      store.payments.testConnection(provider),
    ),
);
